using Paz.Core.Parameters;
using Paz.Core.Randomness;
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
/// scenario's <c>breakaways</c> first names one, the split is the world's (<see cref="World.BreakAway(int, int, Func{int, double}, IReadOnlyList{int})"/>):
/// about half of the members of the parent and of the splinters it has thrown off, in the states where the record first
/// lists the breakaway, follow it, it keeps its own
/// rivalries from the network and becomes the parent's rival, and its lieutenants take its lead.
/// Plazas choose sides (the rival explanation <c>plazas</c>, <see cref="Explanation.Plazas"/>; <c>breakaway_mixing</c>): a split of a Mexican organization ran through its plazas, each plaza's
/// boss and his cell going with one faction (the Zetas kept Nuevo Laredo and the Gulf cartel Matamoros and Reynosa; the
/// Beltrán Leyva took Sonora, Guerrero and Morelos while Culiacán was fought over — Grayson 2010; InSight Crime's
/// profiles, data/groups/PROVENANCE.md). At mixing 1 every place's members follow the breakaway with probability ½, so
/// the two factions face each other everywhere at once; at mixing m a place, drawn with a coin, goes with the breakaway
/// with probability 1 − m/2 for each of its members or stays with the parent with that probability, so at 0 whole plazas
/// change hands and the factions meet only where their members later move in (expansion, the record's wars). Without
/// the explanation the mixing is 1.
/// The lever records outcomes, not policy (<see cref="ParameterSpec.Recorded"/>): a backtest sees only the breakaways
/// before its origin, and after it the engine's own splits are all there is. Declares: breakaways, breakaway_mixing.
/// </summary>
public sealed class Breakaways : IMechanism
{
    /// <summary>The organizations that have broken away from their parents by this date, as recorded.</summary>
    public static readonly ParameterSpec Recorded = new ParameterSpec("breakaways", 0, "group names", "recorded: UCDP's first fighting between the organization and its parent (data/history), MCO's first year on its own (data/groups)", 0, 0, "organizations that had broken away from the one they were counted in at the start, by this date (a replay before 2011 only)")
    { Kind = ValueKind.Names, Switchable = true, Recorded = true };

    /// <summary>How far a recorded breakaway's members and its parent's stay mixed in the places they split.</summary>
    public static readonly ParameterSpec Mixing = new("breakaway_mixing", 0.5, "fraction", "assumed; fitted in the history replay (how plazas chose sides in the splits of 2008-2011 is described, not counted)", 0, 1, "under the explanation plazas, 1: in every place about half of the parent's members follow a recorded breakaway; 0: each place goes whole to one faction, drawn with a coin")
    { Prior = Prior.Uniform(0, 1) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("breakaways", "organizations break away from their parents on the dates the record shows", [Recorded, Mixing], () => new Breakaways());

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

            var share = Shares(recorded, inputs, context.Settings.Holds(Explanation.Plazas) ? context.Settings[Mixing] : 1, context.Random);
            context.World.BreakAway(recorded.Parent, group, place => share[place], Lineage(context.World, recorded.Parent, inputs.Network.Count));
        }
    }

    // Per municipality, the probability that a member there follows the breakaway: 0 outside the states the record first
    // lists it in; inside, ½ at mixing 1 (no draw), else a coin per place, in the municipalities' order, gives it
    // 1 − mixing/2 or mixing/2.
    private static double[] Shares(Breakaway recorded, EngineInputs inputs, double mixing, Xoshiro256StarStar random)
    {
        var states = recorded.States.ToHashSet();
        var share = new double[inputs.MunicipalityCount];
        for (var m = 0; m < share.Length; m++)
        {
            if (states.Contains(inputs.StateOf[m]))
            {
                share[m] = mixing >= 1 ? World.HalfFollow : (random.NextUInt64() & 1) == 0 ? 1 - (mixing / 2) : mixing / 2;
            }
        }

        return share;
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
