using System.Runtime.Intrinsics;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Territorial competition between groups present in the same municipality, and expansion into
/// neighbouring ones.
/// Claims: homicides come from contested territory (DESIGN.md mechanism 1); "homicides rise convexly
/// with the number of organizations present" (evidence.md, Rodríguez); violence diffuses in space
/// (Osorio 2015).
/// Killings in a municipality ~ Poisson(conflict_intensity · Σ over pairs of groups present w_ij ·
/// √(members_i · members_j)), w_ij = 1 + rivalry_weight · rivalry records for listed rivals and
/// unlisted_pair_conflict for groups with no listed rivalry: the number of pairs grows as
/// n(n − 1)/2, so violence is convex in the number of contesting groups. A share
/// (member_share_of_conflict_deaths) of victims are members of the contesting groups, chosen in
/// proportion to the other side's strength; the rest are civilians. Each side's strength is tempered by
/// its restraint under focused deterrence (<see cref="World.Restraint"/>); all of a municipality's conflict is multiplied by <see cref="Plaza"/> during a local succession crisis.
/// Expansion: each week a group's cell with enough members opens a neighbouring municipality with
/// probability <c>expansion</c>, sending <c>expansion_cell</c> members; the neighbour is drawn in
/// proportion to its homicides before the start (+1), a proxy for valuable plazas and routes.
/// Uniformed presence deters confrontations as it deters predation (<see cref="MilitarySystem.Presence"/>).
/// Reads: conflict_intensity, rivalry_weight, unlisted_pair_conflict, member_share_of_conflict_deaths, crisis_violence, deterrence_signal (via restraint), expansion, expansion_cell.
/// </summary>
public static class TerritorialCompetitionSystem
{
    /// <summary>Decides this week's conflict deaths; adds all conflict killings to <paramref name="homicides"/>; returns civilians killed.</summary>
    /// <param name="world">The world.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="homicides">This week's homicides per municipality.</param>
    /// <param name="random">The replicate's generator.</param>
    /// <param name="deterrence">Per municipality, the factor left by uniformed presence (<see cref="MilitarySystem.Presence"/>): armed confrontations are deterred as predation is; null: none.</param>
    public static int Conflict(World world, EngineParameters p, int[] homicides, Xoshiro256StarStar random, double[]? deterrence = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(random);
        var civilians = 0;
        var root = new double[world.MaxGroups];
        var pressure = new double[world.MaxGroups];
        var weights = new double[world.MaxGroups];
        var index = world.PlaceIndex;
        var temper = world.Restraint;
        for (var m = 0; m < world.M; m++)
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

            var u = p.UnlistedPairConflict;
            var total = ListedRivalries(world, p, groups, root, null, weights, u * ((sum * sum) - squares) / 2);
            var killed = (int)random.Poisson(p.ConflictIntensity * Plaza(world, p, m) * (deterrence?[m] ?? 1) * Math.Max(0, total));
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

            var members = (int)Binomial(random, killed, p.MemberShareOfConflictDeaths);
            civilians += killed - members;

            // The pressure each group is under, only where members die (most places kill no one in a week).
            for (var a = 0; a < k; a++)
            {
                pressure[a] = u * root[a] * (sum - root[a]); // a group loses members in proportion to the pressure it is under
            }

            ListedRivalries(world, p, groups, root, pressure, weights, 0);
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
    private static double ListedRivalries(World world, EngineParameters p, ReadOnlySpan<int> groups, double[] root, double[]? pressure, double[] weights, double total)
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
                        AddRivalry(world, p, ga, rivals[r], a, b, root, pressure, ref total);
                    }
                }
            }
            else
            {
                total += RivalriesAfter(a, groups, world.Rivalry.AsSpan(ga * world.MaxGroups, world.MaxGroups), p, root, pressure, weights);
            }
        }

        return total;
    }

    // Clears the place's entries of the per-group index.
    private static void Forget(int[] index, ReadOnlySpan<int> groups)
    {
        foreach (var g in groups)
        {
            index[g] = -1;
        }
    }

    /// <summary>Decides this week's expansions into neighbouring municipalities; returns how many places were opened.</summary>
    public static int Expand(World world, EngineInputs inputs, EngineParameters p, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(random);
        var opened = 0;
        foreach (var c in world.ActiveCells)
        {
            if (world.Free[c] < 2 * p.ExpansionCell || random.NextDouble() >= p.Expansion)
            {
                continue;
            }

            var neighbours = inputs.Neighbours[world.CellPlace[c]];
            if (neighbours.Length == 0)
            {
                continue;
            }

            // Groups push toward valuable plazas: a neighbour is chosen in proportion to its violence
            // before the start (+1), the engine's proxy for contested routes and markets.
            var total = 0.0;
            foreach (var n in neighbours)
            {
                total += inputs.ViolenceHistory[n] + 1;
            }

            var target = random.NextDouble() * total;
            var k = 0;
            while (k < neighbours.Length - 1 && (target -= inputs.ViolenceHistory[neighbours[k]] + 1) > 0)
            {
                k++;
            }

            world.MoveTarget[c] = neighbours[k];
            world.Moves[c] = p.ExpansionCell;
            opened++;
        }

        return opened;
    }

    /// <summary>
    /// A municipality's multiplier of organized violence from local succession crises: 1 + (crisis_violence − 1)
    /// · the crises under way there (a boss of the plaza, or of the same group next door, removed within crisis_weeks).
    /// </summary>
    public static double Plaza(World world, EngineParameters p, int municipality)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        return 1 + ((p.CrisisViolence - 1) * world.PlazaCrisis[municipality]);
    }

    // A listed rivalry weighs 1 + rivalry_weight · records instead of the unlisted pairs' u, already counted.
    private static void AddRivalry(World world, EngineParameters p, int ga, int gb, int a, int b, double[] root, double[]? pressure, ref double total)
    {
        var extra = (1 + (p.RivalryWeight * world.RivalryOf(ga, gb)) - p.UnlistedPairConflict) * root[a] * root[b];
        total += extra;
        if (pressure is not null)
        {
            pressure[a] += extra;
            pressure[b] += extra;
        }
    }

    // The listed rivalries of the group at a with the groups after it in the place, four pairs at a time:
    // its rivalry row is read out in place order first, so the arithmetic runs on contiguous vectors.
    // Vector256 is exact IEEE arithmetic in hardware or software alike, so results do not depend on the machine.
    private static double RivalriesAfter(int a, ReadOnlySpan<int> groups, ReadOnlySpan<double> row, EngineParameters p, double[] root, double[]? pressure, double[] weights)
    {
        var k = groups.Length;
        for (var b = a + 1; b < k; b++)
        {
            weights[b] = row[groups[b]];
        }

        var unlisted = Vector256.Create(1 - p.UnlistedPairConflict);
        var perRecord = Vector256.Create(p.RivalryWeight);
        var rootA = Vector256.Create(root[a]);
        var sum = Vector256<double>.Zero;
        var b4 = a + 1;
        for (; b4 + 4 <= k; b4 += 4)
        {
            var w = Vector256.Create(weights.AsSpan(b4, 4));
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
            if (weights[b4] > 0)
            {
                var extra = (1 - p.UnlistedPairConflict + (p.RivalryWeight * weights[b4])) * root[a] * root[b4];
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

    internal static long Binomial(Xoshiro256StarStar random, int n, double probability)
    {
        var k = 0L;
        for (var i = 0; i < n; i++)
        {
            k += random.NextDouble() < probability ? 1 : 0;
        }

        return k;
    }
}
