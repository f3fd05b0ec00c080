using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Recorded wars: the pairs of organizations the record shows fighting each other in a year fight harder than rivals
/// at peace.
/// Claim: the violence of 2007-2018 came in wars between named organizations that began and ended on known dates — the
/// Gulf cartel against Sinaloa to 2010, Juárez against Sinaloa from 2008, the Zetas against the Gulf from 2010 and
/// against Sinaloa to 2014, CJNG against the Zetas from 2014 and against Sinaloa from 2015 (UCDP's georeferenced
/// events, data/history/ucdp_ged_mexico_events_2006_2018.csv); the seed's "ever more fragmented, multipolar"
/// market is fought out in such wars. The network's rivalries (BACRIM 2020) say who is hostile to whom; a war is
/// the years in which that hostility was fought.
/// While the scenario's <c>wars</c> names a pair ("Cártel del Golfo vs Cártel de Sinaloa"), conflict between any group
/// of one side and any of the other in a municipality weighs <c>war_rivalry</c> more per √(members·members) than their
/// rivalry alone (the signal <see cref="WeekContext.Wars"/>, read by <see cref="TerritorialConflict"/>). A side is an
/// organization of the network with the splinters it has thrown off; a recorded breakaway is a side of its own.
/// The lever records outcomes, not policy (<see cref="ParameterSpec.Recorded"/>): a backtest holds the wars of its
/// origin's last day through the years it forecasts — the wars under way are known at the origin, which begin or end
/// later are not. Declares: wars, war_rivalry.
/// </summary>
public sealed class RecordedWars : IMechanism
{
    /// <summary>The separator between the two sides of a war in the <c>wars</c> lever.</summary>
    public const string Versus = " vs ";

    /// <summary>The pairs of organizations at war, as recorded.</summary>
    public static readonly ParameterSpec Wars = new ParameterSpec("wars", 0, "pairs of group names, 'A vs B'", "recorded: UCDP GED 23.1 dyads with 25 or more deaths in the year (UCDP's threshold of a non-state conflict-year; data/history)", 0, 0, "pairs of organizations the record shows at war in the period")
    { Kind = ValueKind.Names, Switchable = true, Recorded = true };

    /// <summary>Extra conflict weight of a pair at war.</summary>
    public static readonly ParameterSpec WarRivalry = new("war_rivalry", 1, "relative to a listed pair's base weight of 1", "assumed; fitted in the history replay", 0, 20, "extra conflict between two organizations while the record shows them at war")
    { Prior = Prior.Uniform(0, 6) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("recorded_wars", "pairs of organizations the record shows at war fight harder than rivals at peace", [Wars, WarRivalry], () => new RecordedWars());

    private (int A, int B)[] _pairs = [];
    private int[] _sideOfNode = [];
    private int[][] _enemies = [];
    private int[] _sideOf = [];

    /// <summary>The two sides of a war written "A vs B", or null when it is not written so.</summary>
    public static (string A, string B)? Sides(string war)
    {
        ArgumentNullException.ThrowIfNull(war);
        var at = war.IndexOf(Versus, StringComparison.Ordinal);
        return at <= 0 || at + Versus.Length >= war.Length ? null : (war[..at].Trim(), war[(at + Versus.Length)..].Trim());
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (context.PeriodBegins)
        {
            Resolve(context);
        }

        if (_pairs.Length == 0)
        {
            context.Wars = null;
            return;
        }

        var world = context.World;
        var nodes = context.Inputs.Network.Count;
        if (_sideOf.Length != world.MaxGroups)
        {
            _sideOf = new int[world.MaxGroups];
        }

        var sideOf = _sideOf;
        for (var g = 0; g < world.Groups; g++)
        {
            var node = g;
            while (node >= nodes && world.Parent[node] >= 0)
            {
                node = world.Parent[node]; // a splinter fights on its parent's side
            }

            sideOf[g] = node < nodes ? _sideOfNode[node] : -1;
        }

        for (var g = world.Groups; g < sideOf.Length; g++)
        {
            sideOf[g] = -1;
        }

        context.Wars = new WarFronts(sideOf, _enemies, context.Settings[WarRivalry]);
    }

    // The period's pairs as network nodes, each node at war given a side.
    private void Resolve(WeekContext context)
    {
        var network = context.Inputs.Network;
        var pairs = new List<(int, int)>();
        foreach (var war in context.Settings.Names(Wars))
        {
            var sides = Sides(war) ?? throw new InvalidOperationException($"wars: '{war}' is not written 'A{Versus}B'");
            int a = network.IndexOf(sides.A), b = network.IndexOf(sides.B);
            if (a < 0 || b < 0 || a == b)
            {
                throw new InvalidOperationException($"wars: '{war}' does not name two organizations of the network");
            }

            pairs.Add((a, b));
        }

        _pairs = [.. pairs];
        _sideOfNode = Enumerable.Repeat(-1, network.Count).ToArray();
        var nodes = new List<int>();
        foreach (var node in pairs.SelectMany(p => new[] { p.Item1, p.Item2 }))
        {
            if (_sideOfNode[node] < 0)
            {
                _sideOfNode[node] = nodes.Count;
                nodes.Add(node);
            }
        }

        _enemies = [.. nodes.Select(n => pairs.Where(p => p.Item1 == n || p.Item2 == n).Select(p => _sideOfNode[p.Item1 == n ? p.Item2 : p.Item1]).Distinct().ToArray())];
    }
}
