using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Recorded breakaways: organizations that left their parents on the dates the record shows.
/// Claim: the wars of 2008-2011 were fought between former partners — the Beltrán Leyva against Sinaloa from 2008, the
/// Zetas against the Gulf cartel from 2010, the Knights Templar against La Familia from 2011 (UCDP's conflict events,
/// data/history/ucdp_ged_mexico_events_2006_2018.csv; MCO lists each on its own from that year,
/// data/groups/mco_state_group_year_2007_2015.csv); the seed's "ever more fragmented, multipolar, and opaque criminal
/// market" began with them.
/// A replay from 2007 starts with each of these inside its parent (<see cref="EngineInputs.Breakaways"/>). When the
/// scenario's <c>breakaways</c> first names one, the split is the world's (<see cref="World.BreakAway(int, int, Func{int, bool}, IReadOnlyList{int})"/>):
/// about half of the members of the parent and of the splinters it has thrown off, in the states where the record first
/// lists the breakaway, follow it, it keeps its own
/// rivalries from the network and becomes the parent's rival, and its lieutenants take its lead.
/// The lever records outcomes, not policy (<see cref="ParameterSpec.Recorded"/>): a backtest sees only the breakaways
/// before its origin, and after it the engine's own splits are all there is. Declares: breakaways.
/// </summary>
public sealed class Breakaways : IMechanism
{
    /// <summary>The organizations that have broken away from their parents by this date, as recorded.</summary>
    public static readonly ParameterSpec Recorded = new ParameterSpec("breakaways", 0, "group names", "recorded: UCDP's first fighting between the organization and its parent (data/history), MCO's first year on its own (data/groups)", 0, 0, "organizations that had broken away from the one they were counted in at the start, by this date (a replay before 2011 only)")
    { Kind = ValueKind.Names, Switchable = true, Recorded = true };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("breakaways", "organizations break away from their parents on the dates the record shows", [Recorded], () => new Breakaways());

    private readonly HashSet<int> _done = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (!context.PeriodBegins)
        {
            return;
        }

        var inputs = context.Inputs;
        foreach (var name in context.Settings.Names(Recorded))
        {
            var group = inputs.Network.IndexOf(name);
            var recorded = inputs.Breakaways.FirstOrDefault(b => b.Group == group)
                ?? throw new InvalidOperationException($"breakaways: '{name}' has no recorded breakaway after the run's start (recorded: {string.Join(", ", inputs.Breakaways.Select(b => inputs.Network.Groups[b.Group].Name))})");
            if (!_done.Add(group))
            {
                continue;
            }

            var states = recorded.States.ToHashSet();
            context.World.BreakAway(recorded.Parent, group, place => states.Contains(inputs.StateOf[place]), Lineage(context.World, recorded.Parent, inputs.Network.Count));
        }
    }

    // The parent and every splinter it has thrown off (splinters of splinters included), not the organizations of the
    // network that broke away from it: the record's breakaway left the whole organization, whose factions the engine's
    // own splits made before it.
    private static List<int> Lineage(World world, int parent, int nodes)
    {
        var lineage = new List<int> { parent };
        for (var g = nodes; g < world.Groups; g++)
        {
            if (world.OrganizationOf(g, nodes) == parent)
            {
                lineage.Add(g);
            }
        }

        return lineage;
    }
}
