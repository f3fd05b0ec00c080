using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// The National Guard where it is deployed.
/// Claims (seed, "The National Guard"; DESIGN.md mechanism 6): presence deters crime locally; a static
/// garrison only displaces it to neighbouring municipalities; proactive, intelligence-led policing
/// produces arrests with evidence.
/// - Deterrence (every posture): officers add to the uniformed presence that deters predation and
///   confrontations, saturating in officers per 1,000 inhabitants (guard_deterrence, presence_half;
///   <see cref="MilitarySystem.Presence"/>, read by <see cref="PredationSystem"/> and
///   <see cref="TerritorialCompetitionSystem.Conflict"/>).
/// - Garrison: each week Poisson(garrison_displacement · members · (1 − deterrence factor)) of each
///   group's members there move to a neighbouring municipality (the most violent of the last year first:
///   where the market is).
/// - Proactive: Poisson(proactive_arrests · officers) arrests a week, shared over the cells of the groups
///   present, in the municipality and next door, and deterrence next door too (proactive_reach): the
///   intelligence follows the groups' network, not the map, so nothing is pushed next door.
/// The posture may differ by region (by the plan's insecurity class, <see cref="Policy.GuardPostureIn"/>).
/// Personnel grow linearly from the policy's start strength to its full strength over its ramp.
/// Reads: guard_deterrence, presence_half, garrison_displacement, proactive_arrests, proactive_reach; the policy's Guard settings.
/// </summary>
public static class GuardSystem
{
    /// <summary>
    /// Officers per municipality this week: the policy's explicit deployment, or the
    /// <see cref="Policy.GuardPlaces"/> municipalities with most homicides in <paramref name="lastYear"/>, in
    /// proportion to them.
    /// </summary>
    public static double[] Officers(EngineInputs inputs, Policy policy, int weeksInForce, double[] lastYear)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lastYear);
        var ramp = Math.Clamp(weeksInForce / (double)Math.Max(1, policy.GuardRampWeeks), 0, 1);
        var personnel = policy.GuardPersonnelStart + ((policy.GuardPersonnelFull - policy.GuardPersonnelStart) * ramp);
        if (policy.GuardDeployment is not { } shares)
        {
            return ByViolence(inputs.MunicipalityCount, personnel, policy.GuardPlaces, lastYear);
        }

        var officers = new double[inputs.MunicipalityCount];
        var total = shares.Values.Sum();
        foreach (var (m, share) in shares)
        {
            officers[m] = total > 0 ? personnel * share / total : 0;
        }

        return officers;
    }

    /// <summary>
    /// <paramref name="personnel"/> spread over the <paramref name="places"/> municipalities with most homicides
    /// in <paramref name="lastYear"/>, in proportion to them (+1, so a quiet place still gets a share).
    /// </summary>
    public static double[] ByViolence(int municipalities, double personnel, int places, double[] lastYear)
    {
        ArgumentNullException.ThrowIfNull(lastYear);
        var officers = new double[municipalities];
        if (personnel <= 0)
        {
            return officers;
        }

        var chosen = Enumerable.Range(0, municipalities).OrderByDescending(m => lastYear[m]).ThenBy(m => m).Take(places).ToList();
        var total = chosen.Sum(m => lastYear[m] + 1);
        foreach (var m in chosen)
        {
            officers[m] = personnel * (lastYear[m] + 1) / total;
        }

        return officers;
    }

    /// <summary>
    /// Officers that count for deterrence in each municipality: under a proactive posture the Guard's
    /// intelligence reaches the same groups' cells next door, so each neighbour counts proactive_reach ·
    /// officers / (number of neighbours) more (<see cref="MilitarySystem.Presence"/> turns them into a factor).
    /// </summary>
    public static double[] Effective(EngineInputs inputs, EngineParameters p, Policy policy, double[] officers)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(officers);
        var effective = (double[])officers.Clone();
        if (policy.GuardPosture == GuardPosture.Proactive || policy.GuardPostureIn is not null)
        {
            for (var m = 0; m < officers.Length; m++)
            {
                if (policy.PostureIn(m) != GuardPosture.Proactive)
                {
                    continue;
                }

                var around = inputs.Neighbours[m];
                foreach (var n in around)
                {
                    effective[n] += p.ProactiveReach * officers[m] / around.Length;
                }
            }
        }

        return effective;
    }

    /// <summary>Decides this week's displacement (garrison) or arrests (proactive).</summary>
    public static void Run(World world, EngineInputs inputs, EngineParameters p, Policy policy, double[] officers, double[] deterrence, double[] lastYear, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(officers);
        ArgumentNullException.ThrowIfNull(deterrence);
        ArgumentNullException.ThrowIfNull(lastYear);
        ArgumentNullException.ThrowIfNull(random);
        // A contingent's cells are distinct active cells, so the world's per-cell scratch holds them.
        var (rates, counts, cumulative) = world.CellScratch();
        var cells = new int[rates.Length];
        var present = new bool[world.MaxGroups];
        for (var m = 0; m < world.M; m++)
        {
            if (officers[m] <= 0 || world.GroupsIn[m].Length == 0)
            {
                continue;
            }

            var posture = policy.PostureIn(m);
            if (posture == GuardPosture.Garrison && inputs.Neighbours[m].Length > 0)
            {
                var target = MostViolent(inputs.Neighbours[m], lastYear);
                foreach (var c in world.CellsIn[m])
                {
                    var pushed = (int)random.Poisson(p.GarrisonDisplacement * world.Free[c] * (1 - deterrence[m]));
                    world.Moves[c] = Math.Min(world.Moves[c] + pushed, world.Free[c]);
                    if (world.Moves[c] > 0)
                    {
                        world.MoveTarget[c] = target;
                    }
                }
            }
            else if (posture == GuardPosture.Proactive)
            {
                // The groups present here, where they are and next door, read from each place's columns of
                // groups, counts and cells laid out by the census.
                var around = inputs.Neighbours[m];
                foreach (var g in world.GroupsIn[m])
                {
                    present[g] = true;
                }

                var k = Exposed(world, m, present, cells, rates, 0);
                foreach (var n in around)
                {
                    k = Exposed(world, n, present, cells, rates, k);
                }

                foreach (var g in world.GroupsIn[m])
                {
                    present[g] = false;
                }

                // Arrests in each of those cells ~ Poisson(per member · members there), drawn as one Poisson
                // total scattered over the cells (the same law, one draw per arrest instead of one per cell).
                var exposed = 0.0;
                for (var i = 0; i < k; i++)
                {
                    exposed += rates[i];
                }

                var perMember = p.ProactiveArrests * officers[m] / exposed;
                for (var i = 0; i < k; i++)
                {
                    rates[i] *= perMember;
                }

                random.PoissonScatter(rates.AsSpan(0, k), counts, cumulative);
                for (var i = 0; i < k; i++)
                {
                    var c = cells[i];
                    world.Arrests[c] = Math.Min(world.Arrests[c] + counts[i], world.Free[c] - world.Deaths[c]);
                }
            }
        }
    }

    // Lists the cells of the present groups in municipality m, with their members; returns the new count.
    private static int Exposed(World world, int m, bool[] present, int[] cells, double[] members, int k)
    {
        var groups = world.GroupsIn[m];
        var free = world.FreeIn[m];
        var placed = world.CellsIn[m];
        for (var j = 0; j < groups.Length; j++)
        {
            if (present[groups[j]])
            {
                cells[k] = placed[j];
                members[k] = free[j];
                k++;
            }
        }

        return k;
    }

    // The neighbour with most homicides in the last year (ties: the lowest index), without sorting.
    private static int MostViolent(int[] neighbours, double[] lastYear)
    {
        var best = neighbours[0];
        foreach (var n in neighbours)
        {
            if (lastYear[n] > lastYear[best] || (lastYear[n] == lastYear[best] && n < best))
            {
                best = n;
            }
        }

        return best;
    }
}
