using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Recorded wars: the pairs of organizations the record shows fighting each other in a year, in the states where they
/// fought, fight harder there than rivals at peace.
/// Claim: the violence of 2007-2018 came in wars between named organizations that began and ended, and spread and
/// shrank, on known dates — the Gulf cartel against Sinaloa to 2010, Juárez against Sinaloa from 2008, the Zetas against
/// the Gulf from 2010 and against Sinaloa to 2014, CJNG against the Zetas from 2011 and against Sinaloa from 2015
/// (UCDP's georeferenced events, data/history/ucdp_ged_mexico_dyad_state_year_2006_2018.csv; the issue's "who fought
/// whom, and when"); the seed's "ever more fragmented, multipolar" market is fought out in such wars. The network's
/// rivalries (BACRIM 2020) say who is hostile to whom; a war is where and when that hostility was fought.
/// While the scenario's <c>wars_of</c> names a year of the record (<see cref="EngineInputs.RecordedWars"/>), conflict
/// between a group of one side of that year's war and one of the other, in a municipality of a state the war was
/// fought in, weighs <c>war_rivalry</c> more per √(members·members) than their rivalry alone (the signal
/// <see cref="WeekContext.Wars"/>, read by <see cref="TerritorialConflict"/>). A side is an organization of the network
/// with the splinters it has thrown off; a recorded breakaway is a side of its own.
/// The lever records outcomes, not policy (<see cref="ParameterSpec.Recorded"/>): a backtest holds <c>wars_of</c> at its
/// origin's year through the years it forecasts — the wars under way are known at the origin, which begin, spread or end
/// later are not.
/// Life cycle (the rival explanation <c>lifecycle</c>, <see cref="Explanation.Lifecycle"/>): a front — one war in one
/// state — fights hardest some years after it began and less after that, as one side prevails or both exhaust
/// themselves (Durán-Martínez 2015, 2018: violence peaks while a market is contested and falls once it is held; in
/// UCDP's dyads Gulf–Zetas peaked in its third year, Zetas–Sinaloa in its third, Juárez–Sinaloa in its fourth, and each
/// fell after). A pair's weight on a front of age a years (from January of the
/// year its current run of fighting there began) is war_rivalry · g(a), g(a) = x·e^(1 − x) with x = (a + ½) /
/// war_peak_age: ½ in a front's first months at a peak of 3 years, 1 at the peak, about ½ at 2.7 times it. Without the
/// explanation (or at war_peak_age 0) every front fights at war_rivalry. In a backtest the fronts held at the origin go
/// on ageing: a forecast knows which wars are young and which are old, not which will begin.
/// Arrival: a side the record shows at war in a state where it has no members was there; when the year's wars begin,
/// its largest cell sends <c>war_arrival</c> members (at most half the cell) to the state's municipality where the enemy
/// is strongest (CJNG in Colima in 2015, Baja California in 2016: the record of where it fought is the record of where
/// it went).
/// Emergence (the rival explanation <c>emergence</c>, <see cref="Explanation.Emergence"/>): a side the record shows at
/// war that has no members anywhere — an organization the record of 2007 did not list, as Santa Rosa de Lima in
/// Guanajuato in 2018 or Los Rojos and Los Ardillos in Guerrero — forms at the front with <c>war_emergence</c> members,
/// a leader among them. Without the explanation it stays absent.
/// Declares: wars_of, war_rivalry, war_peak_age, war_arrival, war_emergence. Metric: war_arrivals.
/// </summary>
public sealed class RecordedWars : IMechanism
{
    /// <summary>The year of the record whose wars are fought in the period (0: none).</summary>
    public static readonly ParameterSpec WarsOf = new ParameterSpec("wars_of", 0, "year", "recorded: UCDP GED 23.1 dyads with 25 or more deaths in the year or the year before, in the states they were fought in (UCDP's threshold of a non-state conflict-year; data/history)", 0, 2100, "the year of the record whose wars between organizations are fought in the period (0: none)")
    { Kind = ValueKind.Whole, Switchable = true, Recorded = true };

    /// <summary>Extra conflict weight of a pair at war.</summary>
    public static readonly ParameterSpec WarRivalry = new("war_rivalry", 1, "relative to a listed pair's base weight of 1", "assumed; fitted in the history replay", 0, 20, "extra conflict between two organizations where and while the record shows them at war")
    { Prior = Prior.Uniform(0, 10) };

    /// <summary>The age at which a front's fighting peaks.</summary>
    public static readonly ParameterSpec WarPeakAge = new("war_peak_age", 3, "years", "assumed; fitted where the explanation lifecycle is held (UCDP's largest dyads of 2007-2018 peaked in their third or fourth year)", 0, 15, "age of a front (one war in one state) at which its fighting is fiercest, under the explanation lifecycle; 0: no life cycle")
    { Prior = Prior.Uniform(0.5, 8) };

    /// <summary>Members a side sends into a state the record shows it fighting in, where it has none.</summary>
    public static readonly ParameterSpec WarArrival = new("war_arrival", 50, "members", "assumed; fitted in the history replay", 0, 1000, "members an organization brings into a state where the record shows it at war and it has none")
    { Prior = Prior.LogUniform(5, 500) };

    /// <summary>Members an organization the record shows at war forms with where it fought, when it has none anywhere.</summary>
    public static readonly ParameterSpec WarEmergence = new("war_emergence", 50, "members", "assumed; the record names organizations at war that the record of 2007 did not list (Santa Rosa de Lima in Guanajuato in 2018, Los Rojos and Los Ardillos in Guerrero from 2015); how many members they began with was not found", 0, 1000, "members an organization the record shows at war forms with at the front, where it has no members anywhere in the world, under the explanation emergence")
    { Prior = Prior.LogUniform(5, 500) };

    /// <summary>Members sent to war fronts where their side had none.</summary>
    public static readonly MetricSpec Arrivals = new("war_arrivals", "members", MetricAggregation.Sum, "members sent into states where the record shows their organization at war and it had none, and those an organization absent everywhere formed there with (explanation emergence)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("recorded_wars", "pairs of organizations the record shows at war fight harder where they fought than rivals at peace", [WarsOf, WarRivalry, WarPeakAge, WarArrival, WarEmergence], () => new RecordedWars());

    private int _year = -1;
    private int[] _frontOf = [];
    private int[] _sideOfNode = [];
    private int[][][] _enemies = [];
    private DateOnly[][][] _began = [];
    private double[][][] _weights = [];
    private int[] _sideOf = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var year = (int)context.Settings[WarsOf];
        var changed = year != _year;
        if (changed)
        {
            Resolve(context.Inputs, year);
            _year = year;
        }

        if (_enemies.Length == 0)
        {
            context.Wars = null;
            return;
        }

        var world = context.World;
        if (_sideOf.Length != world.MaxGroups)
        {
            _sideOf = new int[world.MaxGroups];
        }

        var nodes = context.Inputs.Network.Count;
        for (var g = 0; g < _sideOf.Length; g++)
        {
            var organization = g < world.Groups ? world.OrganizationOf(g, nodes) : -1; // a splinter fights on its parent's side
            _sideOf[g] = organization is >= 0 && organization < nodes ? _sideOfNode[organization] : -1;
        }

        Weigh(context.Date, context.Settings[WarRivalry], context.Settings.Holds(Explanation.Lifecycle) ? context.Settings[WarPeakAge] : 0);
        context.Wars = new WarFronts(_sideOf, _frontOf, _enemies, _weights);
        if (changed)
        {
            context.Metrics.Record(Arrivals, Arrive(context, year));
        }
    }

    /// <summary>The life cycle g of a front <paramref name="age"/> years old, peaking at <paramref name="peak"/> years (see the class summary; 1 for every age when the peak is 0).</summary>
    public static double LifeCycle(double age, double peak)
    {
        if (peak <= 0)
        {
            return 1;
        }

        var x = (Math.Max(0, age) + 0.5) / peak;
        return x * Math.Exp(1 - x);
    }

    // This week's weight of every pair on every front: war_rivalry through the front's life cycle.
    private void Weigh(DateOnly date, double rivalry, double peak)
    {
        for (var f = 0; f < _began.Length; f++)
        {
            for (var side = 0; side < _began[f].Length; side++)
            {
                var began = _began[f][side];
                var weights = _weights[f][side];
                for (var e = 0; e < began.Length; e++)
                {
                    weights[e] = rivalry * LifeCycle((date.DayNumber - began[e].DayNumber) / 365.25, peak);
                }
            }
        }
    }

    // A side the record shows at war in a state where it has no members was there: from its largest cell it sends
    // war_arrival members (at most half the cell) to the state's municipality where its enemy there is strongest, or, with
    // the enemy absent too, the one with the most homicides before the start. Returns the members sent.
    private int Arrive(WeekContext context, int year)
    {
        var world = context.World;
        var inputs = context.Inputs;
        var arrival = context.Settings.Whole(WarArrival);
        var emergence = context.Settings.Holds(Explanation.Emergence) ? context.Settings.Whole(WarEmergence) : 0;
        var sent = 0;
        foreach (var war in inputs.RecordedWars.Where(w => w.Year == year))
        {
            foreach (var state in war.States)
            {
                foreach (var (side, enemy) in new[] { (_sideOfNode[war.A], _sideOfNode[war.B]), (_sideOfNode[war.B], _sideOfNode[war.A]) })
                {
                    // A side at war with two enemies in a state it is absent from arrives from its largest cell for each:
                    // the second war's front is where the members go.
                    if (MembersIn(world, state, side, inputs) > 0)
                    {
                        continue;
                    }

                    var source = LargestCell(world, side);
                    if (source < 0)
                    {
                        sent += Emerge(world, NodeOf(side), Front(world, inputs, state, enemy), emergence);
                        continue;
                    }

                    var moving = Math.Min(arrival, (world.Free[source] - world.Moves[source]) / 2);
                    if (moving <= 0)
                    {
                        continue;
                    }

                    world.MoveTarget[source] = Front(world, inputs, state, enemy);
                    world.Moves[source] += moving;
                    sent += moving;
                }
            }
        }

        return sent;
    }

    // An organization the record shows at war that has no members anywhere in this world (one the record of 2007 did not
    // list, as Santa Rosa de Lima or Los Rojos) forms where it fought: `size` members of its own (war_emergence), a
    // leader among them, at the front. Returns the members formed.
    private static int Emerge(Agents.World world, int group, int front, int size)
    {
        if (front < 0 || size <= 0 || world.GroupMembers[group] > 0)
        {
            return 0;
        }

        for (var k = 0; k < size; k++)
        {
            world.Add(group, front, k == 0 ? Tier.Leader : Tier.FootSoldier, FoundingAge);
        }

        return size;
    }

    // The age given the members an organization forms with, or a foothold (RecordedFootholds): assumed, between a recruit's 15-24 and the initial world's 18-45.
    internal const byte FoundingAge = 25;

    // The network organization that is `side` (each side of a year's wars is one organization).
    private int NodeOf(int side) => Array.IndexOf(_sideOfNode, side);

    // Members of groups on `side` in the state's municipalities.
    private int MembersIn(Agents.World world, int state, int side, EngineInputs inputs)
    {
        var members = 0;
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            if (inputs.StateOf[m] != state)
            {
                continue;
            }

            foreach (var g in world.GroupsIn[m])
            {
                members += _sideOf[g] == side ? world.FreeOf(g, m) : 0;
            }
        }

        return members;
    }

    // The cell of a group on `side` with the most free members, or −1.
    private int LargestCell(Agents.World world, int side)
    {
        int best = -1, most = 0;
        for (var g = 0; g < world.Groups; g++)
        {
            if (_sideOf[g] != side)
            {
                continue;
            }

            foreach (var c in world.CellsOfGroup(g))
            {
                if (world.Free[c] > most)
                {
                    (best, most) = (c, world.Free[c]);
                }
            }
        }

        return best;
    }

    // The state's municipality where `enemy` has most members, or the one with most homicides before the start.
    private int Front(Agents.World world, EngineInputs inputs, int state, int enemy)
    {
        int best = -1;
        double most = -1;
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            if (inputs.StateOf[m] != state)
            {
                continue;
            }

            var enemies = 0;
            foreach (var g in world.GroupsIn[m])
            {
                enemies += _sideOf[g] == enemy ? world.FreeOf(g, m) : 0;
            }

            var weight = (enemies * 1e6) + inputs.ViolenceHistory[m]; // the enemy's strength first, past violence to break ties
            if (weight > most)
            {
                (best, most) = (m, weight);
            }
        }

        return best;
    }

    // The year's wars as fronts: each organization at war a side, each state where a war was fought a front, and for each
    // front the sides each side is at war with there.
    private void Resolve(EngineInputs inputs, int year)
    {
        var wars = inputs.RecordedWars.Where(w => w.Year == year).ToList();
        _sideOfNode = Enumerable.Repeat(-1, inputs.Network.Count).ToArray();
        var sides = 0;
        foreach (var node in wars.SelectMany(w => new[] { w.A, w.B }).Where(n => _sideOfNode[n] < 0))
        {
            _sideOfNode[node] = sides++;
        }

        var states = wars.SelectMany(w => w.States).Distinct().Order().ToList();
        var frontOfState = Enumerable.Repeat(-1, inputs.States).ToArray();
        for (var f = 0; f < states.Count; f++)
        {
            frontOfState[states[f]] = f;
        }

        _frontOf = [.. inputs.StateOf.Select(s => frontOfState[s])];
        // Per front, per side: each enemy there and the January its fighting there began, in the wars' order.
        var fronts = states.Select(_ => Enumerable.Range(0, sides).Select(_ => new List<(int Enemy, DateOnly Began)>()).ToArray()).ToArray();
        foreach (var war in wars)
        {
            int a = _sideOfNode[war.A], b = _sideOfNode[war.B];
            for (var i = 0; i < war.States.Count; i++)
            {
                var front = fronts[frontOfState[war.States[i]]];
                var began = new DateOnly(war.BeganIn(i), 1, 1);
                front[a].Add((b, began));
                front[b].Add((a, began));
            }
        }

        _enemies = [.. fronts.Select(front => front.Select(side => side.Select(x => x.Enemy).ToArray()).ToArray())];
        _began = [.. fronts.Select(front => front.Select(side => side.Select(x => x.Began).ToArray()).ToArray())];
        _weights = [.. fronts.Select(front => front.Select(side => new double[side.Count]).ToArray())];
    }
}
