using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Territorial competition between groups present in the same municipality.
/// Claims: homicides come from contested territory (DESIGN.md mechanism 1); "homicides rise convexly
/// with the number of organizations present" (evidence.md, Rodríguez).
/// Killings in a municipality ~ Poisson(conflict_intensity · Σ over pairs of groups present w_ij ·
/// √(members_i · members_j)), w_ij = 1 + rivalry_weight · rivalry records for listed rivals and
/// unlisted_pair_conflict for groups with no listed rivalry: the number of pairs grows as
/// n(n − 1)/2, so violence is convex in the number of contesting groups. A share
/// (member_share_of_conflict_deaths) of victims are members of the contesting groups, chosen in
/// proportion to the other side's strength; the rest are civilians. Each side's strength is tempered by
/// its restraint (the signal <see cref="WeekContext.Restraint"/>); all of a municipality's conflict is
/// multiplied by the crisis signal (<see cref="WeekContext.CrisisMultiplier"/>), by what uniformed
/// presence leaves of it (<see cref="WeekContext.Deterrence"/>), by the provocation of military operations
/// (<see cref="WeekContext.Provocation"/>) and by the market value of the plaza (<see cref="WeekContext.PlazaValue"/>).
/// Pairs on the two sides of a war the record shows (<see cref="WeekContext.Wars"/>, <see cref="RecordedWars"/>) weigh
/// more by the front's weight that week (war_rivalry through the front's life cycle).
/// Where the run holds the <c>balance</c> explanation, a pair's term is multiplied by (smaller root / larger root)^conflict_balance:
/// a contest kills as the weaker side can fight, so a dominant organization with a few intruders is no hotspot and
/// violence is highest where the sides are even (Durán-Martínez 2018, contested against monopolized markets). At 1 the
/// pair's term is the smaller side's members; without the explanation it is √(members_i · members_j) as above.
/// Declares: conflict_intensity, rivalry_weight, unlisted_pair_conflict, member_share_of_conflict_deaths, conflict_balance.
/// Metric: civilians_killed_in_conflict.
/// </summary>
public sealed class TerritorialConflict : IMechanism
{
    /// <summary>Conflict killings per week per unit of Σ pairs √(members_i · members_j).</summary>
    public static readonly ParameterSpec ConflictIntensity = new("conflict_intensity", 4e-4, "killings per week per √(member·member)", "assumed; calibrated", 1e-5, 1e-2, "lethality of contested territory")
    { Prior = Prior.LogUniform(1e-5, 1e-3), Fitted = true };

    /// <summary>Extra weight of a listed rivalry (per record) on a pair's conflict.</summary>
    public static readonly ParameterSpec RivalryWeight = new("rivalry_weight", 0.25, "per rivalry record", "assumed", 0, 2, "extra conflict between listed rivals")
    { Prior = Prior.Uniform(0, 1) };

    /// <summary>Conflict weight of a pair of groups with no listed rivalry.</summary>
    public static readonly ParameterSpec UnlistedPairConflict = new("unlisted_pair_conflict", 1, "relative to a listed pair's base", "assumed; calibrated", 0.01, 1, "conflict between groups with no listed rivalry")
    { Prior = Prior.LogUniform(0.01, 1), Fitted = true };

    /// <summary>Share of conflict killings whose victims are members.</summary>
    public static readonly ParameterSpec MemberShareOfConflictDeaths = new("member_share_of_conflict_deaths", 0.35, "fraction", "assumed; calibrated to the aggregate model's member deaths", 0.05, 0.9, "victims of conflict who are members")
    { Prior = Prior.Uniform(0.05, 0.9), Fitted = true };

    /// <summary>How far a contest's violence follows its weaker side (read where the balance explanation is held).</summary>
    public static readonly ParameterSpec Balance = new("conflict_balance", 0.5, "exponent of (smaller side / larger side)^(1/2)", "assumed; calibrated where the balance explanation is held", 0, 1, "how far a contest's violence follows its weaker side (0: √(members·members), 1: the smaller side's members)")
    { Prior = Prior.Uniform(0, 1) };

    /// <summary>Civilians killed in confrontations.</summary>
    public static readonly MetricSpec CiviliansKilled = new("civilians_killed_in_conflict", "people", MetricAggregation.Sum, "non-members killed in confrontations between groups");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "territorial_conflict",
        "homicides come from contested territory and rise convexly with the groups present",
        [ConflictIntensity, RivalryWeight, UnlistedPairConflict, MemberShareOfConflictDeaths, Balance],
        () => new TerritorialConflict());

    // The parameters read in the inner loops, copied out of the settings once a week.
    // Balance is 0 where the balance explanation is not held.
    private readonly record struct Values(double Intensity, double RivalryWeight, double Unlisted, double MemberShare, double Balance);

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var p = new Values(s[ConflictIntensity], s[RivalryWeight], s[UnlistedPairConflict], s[MemberShareOfConflictDeaths], s.Holds(Explanation.Balance) ? s[Balance] : 0);
        var civilians = Conflict(context.World, p, context.Homicides, context.Random, context.Restraint, context.CrisisMultiplier, context.Deterrence, context.Provocation, context.PlazaValue, context.Wars);
        context.Metrics.Record(CiviliansKilled, civilians);
    }

    // Working space, per group of the world and per side of the recorded wars, kept from week to week.
    private double[] _root = [], _pressure = [], _front = [];
    private ClassSums? _classes;

    // Decides this week's conflict deaths; adds all conflict killings to homicides; returns civilians killed.
    private int Conflict(World world, in Values p, int[] homicides, Xoshiro256StarStar random, double[] temper, double[]? crisis, double[]? deterrence, double[]? provocation, double[]? value, WarFronts? wars)
    {
        var civilians = 0;
        if (_classes is null || _root.Length != world.MaxGroups)
        {
            (_root, _pressure, _classes) = (new double[world.MaxGroups], new double[world.MaxGroups], new ClassSums(world.MaxGroups));
        }

        if (wars is not null && _front.Length < wars.Sides)
        {
            _front = new double[wars.Sides]; // AtWar leaves it zero
        }

        var (root, pressure, classes) = (_root, _pressure, _classes);
        var front = wars is null ? null : _front;
        var classOf = world.Rivalries.ClassOf;
        var balanced = p.Balance > 0;
        for (var m = 0; m < world.MunicipalityCount; m++)
        {
            var groups = world.GroupsIn[m];
            var k = groups.Length;
            if (k < 2)
            {
                continue;
            }

            var free = world.FreeIn[m];
            double sum = 0;
            for (var a = 0; a < k; a++)
            {
                root[a] = Math.Sqrt(free[a]) * temper[groups[a]];
                sum += root[a];
            }

            var onFront = wars is null ? -1 : wars.FrontOf[m];
            double total;
            if (balanced)
            {
                // Pair by pair, the pressure on each group with them: the weaker side's factor does not factor into
                // sums over classes, and the pressure costs nothing more here.
                Array.Clear(pressure, 0, k);
                total = BalancedPairs(world.Rivalries, groups, root, pressure, in p);
                if (onFront >= 0)
                {
                    total += BalancedWar(wars!, onFront, groups, root, pressure, p.Balance);
                }
            }
            else
            {
                for (var a = 0; a < k; a++)
                {
                    classes.Add(classOf[groups[a]], root[a]);
                }

                total = classes.PairSum(world.Rivalries, in p);
                if (onFront >= 0)
                {
                    total += AtWar(wars!, onFront, groups, root, front!, null);
                }
            }

            var killed = (int)random.Poisson(p.Intensity * (crisis?[m] ?? 1) * (deterrence?[m] ?? 1) * (provocation?[m] ?? 1) * (value?[m] ?? 1) * Math.Max(0, total));
            if (killed == 0)
            {
                classes.Clear();
                continue;
            }

            homicides[m] += killed;
            for (var a = 0; a < k; a++)
            {
                world.Attribute(groups[a], killed * root[a] / sum); // the stronger side does more of the killing
            }

            var members = (int)Binomial(random, killed, p.MemberShare);
            civilians += killed - members;
            if (!balanced)
            {
                // The pressure each group is under, only where members die (most places kill no one in a week): a
                // group loses members in proportion to the pressure it is under, Σ over the others of their pair's
                // weight · root_a · root_b.
                for (var a = 0; a < k; a++)
                {
                    pressure[a] = classes.PressureOn(classOf[groups[a]], root[a]);
                }

                classes.Clear();
                if (onFront >= 0)
                {
                    AtWar(wars!, onFront, groups, root, front!, pressure);
                }
            }

            KillMembers(world, world.CellsIn[m], pressure, k, members, random);
        }

        return civilians;
    }

    // Members killed in a place's conflict, each falling on a group in proportion to the pressure it is under.
    private static void KillMembers(World world, ReadOnlySpan<int> cells, double[] pressure, int k, int members, Xoshiro256StarStar random)
    {
        var all = 0.0;
        for (var a = 0; a < k; a++)
        {
            all += pressure[a];
        }

        for (var n = 0; n < members; n++)
        {
            var target = random.NextDouble() * all;
            var a = 0;
            while (a < k - 1 && (target -= pressure[a]) > 0)
            {
                a++;
            }

            var c = cells[a];
            if (world.Deaths[c] + world.Arrests[c] < world.Free[c])
            {
                world.Deaths[c]++;
            }
        }
    }

    // The balance explanation's factor of a pair: (smaller root / larger root)^balance.
    private static double Evenness(double a, double b, double balance)
    {
        var (small, large) = a < b ? (a, b) : (b, a);
        return large <= 0 ? 0 : balance == 1 ? small / large : Math.Pow(small / large, balance);
    }

    // The place's Σ over pairs of groups of weight · root_a · root_b · evenness, each pair's term added to both groups'
    // pressure.
    private static double BalancedPairs(Rivalries rivalries, ReadOnlySpan<int> groups, double[] root, double[] pressure, in Values p)
    {
        var total = 0.0;
        for (var a = 0; a < groups.Length; a++)
        {
            for (var b = a + 1; b < groups.Length; b++)
            {
                var term = PairWeight(rivalries.Of(groups[a], groups[b]), in p) * root[a] * root[b] * Evenness(root[a], root[b], p.Balance);
                total += term;
                pressure[a] += term;
                pressure[b] += term;
            }
        }

        return total;
    }

    // The recorded wars' part of the pairs' sum, pair by pair with each pair's evenness (AtWar without the balance).
    private static double BalancedWar(WarFronts wars, int onFront, ReadOnlySpan<int> groups, double[] root, double[] pressure, double balance)
    {
        var enemies = wars.Enemies[onFront];
        var weights = wars.Weights[onFront];
        var total = 0.0;
        for (var a = 0; a < groups.Length; a++)
        {
            var side = wars.SideOf[groups[a]];
            if (side < 0)
            {
                continue;
            }

            for (var b = a + 1; b < groups.Length; b++)
            {
                var e = Array.IndexOf(enemies[side], wars.SideOf[groups[b]]);
                if (e < 0)
                {
                    continue;
                }

                var term = weights[side][e] * root[a] * root[b] * Evenness(root[a], root[b], balance);
                total += term;
                pressure[a] += term;
                pressure[b] += term;
            }
        }

        return total;
    }

    // A pair's weight in the sum: 1 + rivalry_weight · records for listed rivals, unlisted_pair_conflict otherwise.
    private static double PairWeight(double records, in Values p) => records > 0 ? 1 + (p.RivalryWeight * records) : p.Unlisted;

    // The rivalry classes present in a place (World.Rivalries) with the Σ root and Σ root² of their groups there. The
    // pairs' sum is Σ over classes of the within weight · ((Σ root)² − Σ root²) / 2 plus Σ over pairs of classes of
    // their weight · the product of their Σ root: O(groups + classes²) where listing pairs costs O(groups²).
    private sealed class ClassSums(int maxGroups)
    {
        private readonly int[] _slot = Enumerable.Repeat(-1, maxGroups).ToArray();
        private readonly int[] _class = new int[maxGroups];
        private readonly double[] _roots = new double[maxGroups];
        private readonly double[] _squares = new double[maxGroups];
        private readonly double[] _withinWeight = new double[maxGroups];
        private readonly double[] _facing = new double[maxGroups];
        private int _count;

        public void Add(int rivalryClass, double root)
        {
            var s = _slot[rivalryClass];
            if (s < 0)
            {
                s = _slot[rivalryClass] = _count++;
                _class[s] = rivalryClass;
                _roots[s] = 0;
                _squares[s] = 0;
            }

            _roots[s] += root;
            _squares[s] += root * root;
        }

        // The place's Σ over pairs of groups of weight · root_a · root_b; also keeps, for each class, Σ over the groups
        // of the place of their weight toward it · their root (its own groups included), for PressureOn.
        public double PairSum(Rivalries rivalries, in Values p)
        {
            var total = 0.0;
            for (var s = 0; s < _count; s++)
            {
                _withinWeight[s] = PairWeight(rivalries.Within(_class[s]), in p);
                total += _withinWeight[s] * ((_roots[s] * _roots[s]) - _squares[s]) / 2;
                _facing[s] = _withinWeight[s] * _roots[s];
            }

            for (var s = 0; s < _count; s++)
            {
                for (var t = s + 1; t < _count; t++)
                {
                    var product = PairWeight(rivalries.Between(_class[s], _class[t]), in p);
                    total += product * _roots[s] * _roots[t];
                    _facing[s] += product * _roots[t];
                    _facing[t] += product * _roots[s];
                }
            }

            return total;
        }

        // The pressure on a group of the class with the given root: its pairs' terms with every other group present.
        public double PressureOn(int rivalryClass, double root)
        {
            var s = _slot[rivalryClass];
            return root * (_facing[s] - (_withinWeight[s] * root));
        }

        public void Clear()
        {
            for (var s = 0; s < _count; s++)
            {
                _slot[_class[s]] = -1;
            }

            _count = 0;
        }
    }

    // The recorded wars' part of the pairs' sum: Σ over pairs of groups on sides at war on the place's front of the
    // pair's weight there · root_a · root_b, each pair's term also added to both groups' pressure when given. front holds
    // each side's Σ root in the place, zero again on return.
    private static double AtWar(WarFronts wars, int onFront, ReadOnlySpan<int> groups, double[] root, double[] front, double[]? pressure)
    {
        var enemies = wars.Enemies[onFront];
        var weights = wars.Weights[onFront];
        var k = groups.Length;
        for (var a = 0; a < k; a++)
        {
            var side = wars.SideOf[groups[a]];
            if (side >= 0)
            {
                front[side] += root[a];
            }
        }

        var total = 0.0;
        for (var a = 0; a < k; a++)
        {
            var side = wars.SideOf[groups[a]];
            if (side < 0)
            {
                continue;
            }

            var facing = 0.0;
            var theirs = enemies[side];
            var weight = weights[side];
            for (var e = 0; e < theirs.Length; e++)
            {
                facing += weight[e] * front[theirs[e]];
            }

            total += root[a] * facing;
            if (pressure is not null)
            {
                pressure[a] += root[a] * facing;
            }
        }

        for (var a = 0; a < k; a++)
        {
            var side = wars.SideOf[groups[a]];
            if (side >= 0)
            {
                front[side] = 0;
            }
        }

        return total / 2; // each pair was counted from both sides, with the same weight
    }

    private static long Binomial(Xoshiro256StarStar random, int n, double probability)
    {
        var k = 0L;
        for (var i = 0; i < n; i++)
        {
            k += random.NextDouble() < probability ? 1 : 0;
        }

        return k;
    }
}
