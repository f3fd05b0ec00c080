using System.Runtime.Intrinsics;
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
/// Declares: conflict_intensity, rivalry_weight, unlisted_pair_conflict, member_share_of_conflict_deaths.
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

    /// <summary>Civilians killed in confrontations.</summary>
    public static readonly MetricSpec CiviliansKilled = new("civilians_killed_in_conflict", "people", MetricAggregation.Sum, "non-members killed in confrontations between groups");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "territorial_conflict",
        "homicides come from contested territory and rise convexly with the groups present",
        [ConflictIntensity, RivalryWeight, UnlistedPairConflict, MemberShareOfConflictDeaths],
        () => new TerritorialConflict());

    // The parameters read in the inner loops, copied out of the settings once a week.
    private readonly record struct Values(double Intensity, double RivalryWeight, double Unlisted, double MemberShare);

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var p = new Values(s[ConflictIntensity], s[RivalryWeight], s[UnlistedPairConflict], s[MemberShareOfConflictDeaths]);
        var civilians = Conflict(context.World, p, context.Homicides, context.Random, context.Restraint, context.CrisisMultiplier, context.Deterrence, context.Provocation, context.PlazaValue, context.Wars);
        context.Metrics.Record(CiviliansKilled, civilians);
    }

    // Decides this week's conflict deaths; adds all conflict killings to homicides; returns civilians killed.
    private static int Conflict(World world, in Values p, int[] homicides, Xoshiro256StarStar random, double[] temper, double[]? crisis, double[]? deterrence, double[]? provocation, double[]? value, WarFronts? wars)
    {
        var civilians = 0;
        var front = wars is null ? null : new double[wars.Sides];
        var root = new double[world.MaxGroups];
        var pressure = new double[world.MaxGroups];
        var index = world.PlaceIndex;
        for (var m = 0; m < world.MunicipalityCount; m++)
        {
            var groups = world.GroupsIn[m];
            var k = groups.Length;
            if (k < 2)
            {
                continue;
            }

            var free = world.FreeIn[m];
            var cells = world.CellsIn[m];
            // Σ over pairs of w_ab·√(n_a n_b) with w_ab = u for unlisted pairs: the all-pairs part is
            // u·((Σ√n)² − Σn)/2, so only listed rivalries need visiting — O(groups + rival ties), not O(groups²).
            double sum = 0, squares = 0;
            for (var a = 0; a < k; a++)
            {
                root[a] = Math.Sqrt(free[a]) * temper[groups[a]];
                sum += root[a];
                squares += root[a] * root[a];
                index[groups[a]] = a;
            }

            var u = p.Unlisted;
            var total = ListedRivalries(world, in p, groups, root, null, u * ((sum * sum) - squares) / 2);
            var onFront = wars is null ? -1 : wars.FrontOf[m];
            if (onFront >= 0)
            {
                total += AtWar(wars!, onFront, groups, root, front!, null);
            }

            var killed = (int)random.Poisson(p.Intensity * (crisis?[m] ?? 1) * (deterrence?[m] ?? 1) * (provocation?[m] ?? 1) * (value?[m] ?? 1) * Math.Max(0, total));
            if (killed == 0)
            {
                Forget(index, groups);
                continue;
            }

            homicides[m] += killed;
            for (var a = 0; a < k; a++)
            {
                world.Attribute(groups[a], killed * root[a] / sum); // the stronger side does more of the killing
            }

            var members = (int)Binomial(random, killed, p.MemberShare);
            civilians += killed - members;

            // The pressure each group is under, only where members die (most places kill no one in a week).
            for (var a = 0; a < k; a++)
            {
                pressure[a] = u * root[a] * (sum - root[a]); // a group loses members in proportion to the pressure it is under
            }

            ListedRivalries(world, in p, groups, root, pressure, 0);
            if (onFront >= 0)
            {
                AtWar(wars!, onFront, groups, root, front!, pressure);
            }

            Forget(index, groups);
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

        return civilians;
    }

    // Adds to total the listed rivalries' part of the pairs' sum, Σ over listed pairs of (1 + rivalry_weight
    // · records − u) · root_a · root_b, each pair's term also added to both groups' pressure when given.
    // Visits a group's listed rivals or the groups after it in the place, whichever is cheaper: splinter
    // lineages are cliques of rivals, so a group may have hundreds of ties.
    private static double ListedRivalries(World world, in Values p, ReadOnlySpan<int> groups, double[] root, double[]? pressure, double total)
    {
        var index = world.PlaceIndex;
        var k = groups.Length;
        for (var a = 0; a < k; a++)
        {
            var ga = groups[a];
            var rivals = world.RivalList(ga);
            if (rivals.Count * 3 < k - a)
            {
                for (var r = 0; r < rivals.Count; r++)
                {
                    var b = index[rivals[r]];
                    if (b > a)
                    {
                        AddRivalry(world, in p, ga, rivals[r], a, b, root, pressure, ref total);
                    }
                }
            }
            else
            {
                total += RivalriesAfter(a, groups, world.Rivalry.AsSpan(ga * world.MaxGroups, world.MaxGroups), in p, root, pressure);
            }
        }

        return total;
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

    // Clears the place's entries of the per-group index.
    private static void Forget(int[] index, ReadOnlySpan<int> groups)
    {
        foreach (var g in groups)
        {
            index[g] = -1;
        }
    }

    // A listed rivalry weighs 1 + rivalry_weight · records instead of the unlisted pairs' u, already counted.
    private static void AddRivalry(World world, in Values p, int ga, int gb, int a, int b, double[] root, double[]? pressure, ref double total)
    {
        var extra = (1 + (p.RivalryWeight * world.RivalryOf(ga, gb)) - p.Unlisted) * root[a] * root[b];
        total += extra;
        if (pressure is not null)
        {
            pressure[a] += extra;
            pressure[b] += extra;
        }
    }

    // The listed rivalries of the group at a with the groups after it in the place, four pairs at a time: each
    // vector's four weights are read from the group's rivalry row straight into the vector.
    // Vector256 is exact IEEE arithmetic in hardware or software alike, so results do not depend on the machine.
    private static double RivalriesAfter(int a, ReadOnlySpan<int> groups, ReadOnlySpan<double> row, in Values p, double[] root, double[]? pressure)
    {
        var k = groups.Length;
        var unlisted = Vector256.Create(1 - p.Unlisted);
        var perRecord = Vector256.Create(p.RivalryWeight);
        var rootA = Vector256.Create(root[a]);
        var sum = Vector256<double>.Zero;
        var b4 = a + 1;
        for (; b4 + 4 <= k; b4 += 4)
        {
            var w = Vector256.Create(row[groups[b4]], row[groups[b4 + 1]], row[groups[b4 + 2]], row[groups[b4 + 3]]);
            var extra = Vector256.ConditionalSelect(
                Vector256.GreaterThan(w, Vector256<double>.Zero),
                (unlisted + (perRecord * w)) * rootA * Vector256.Create(root.AsSpan(b4, 4)),
                Vector256<double>.Zero);
            sum += extra;
            if (pressure is not null)
            {
                (Vector256.Create(pressure.AsSpan(b4, 4)) + extra).CopyTo(pressure.AsSpan(b4, 4));
            }
        }

        var added = sum[0] + sum[1] + sum[2] + sum[3]; // in a fixed order (Vector256.Sum's order is the hardware's)
        for (; b4 < k; b4++)
        {
            var weight = row[groups[b4]];
            if (weight > 0)
            {
                var extra = (1 - p.Unlisted + (p.RivalryWeight * weight)) * root[a] * root[b4];
                added += extra;
                if (pressure is not null)
                {
                    pressure[b4] += extra;
                }
            }
        }

        if (pressure is not null)
        {
            pressure[a] += added;
        }

        return added;
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
