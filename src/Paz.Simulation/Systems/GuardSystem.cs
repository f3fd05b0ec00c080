using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// The National Guard where it is deployed.
/// Claims (seed, "The National Guard"; DESIGN.md mechanism 6): presence deters crime locally; a static
/// garrison only displaces it to neighbouring municipalities; proactive, intelligence-led policing
/// produces arrests with evidence.
/// - Deterrence (every posture): predation in a municipality × 1/(1 + guard_deterrence · officers per
///   1,000 inhabitants) (<see cref="Deterrence"/>, read by <see cref="PredationSystem"/>).
/// - Garrison: each week Poisson(garrison_displacement · members · (1 − deterrence factor)) of each
///   group's members there move to a neighbouring municipality (the most violent of the last year first:
///   where the market is).
/// - Proactive: Poisson(proactive_arrests · officers) arrests a week, shared over the cells of the groups
///   present, in the municipality and next door, and deterrence next door too (proactive_reach): the
///   intelligence follows the groups' network, not the map, so nothing is pushed next door.
/// Personnel grow linearly from the policy's start strength to its full strength over its ramp.
/// Reads: guard_deterrence, garrison_displacement, proactive_arrests, proactive_reach; the policy's Guard settings.
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
        var officers = new double[inputs.MunicipalityCount];
        var ramp = Math.Clamp(weeksInForce / (double)Math.Max(1, policy.GuardRampWeeks), 0, 1);
        var personnel = policy.GuardPersonnelStart + ((policy.GuardPersonnelFull - policy.GuardPersonnelStart) * ramp);
        if (personnel <= 0)
        {
            return officers;
        }

        var shares = policy.GuardDeployment ?? Enumerable.Range(0, inputs.MunicipalityCount)
            .OrderByDescending(m => lastYear[m]).ThenBy(m => m).Take(policy.GuardPlaces)
            .ToDictionary(m => m, m => lastYear[m] + 1);
        var total = shares.Values.Sum();
        foreach (var (m, share) in shares)
        {
            officers[m] = personnel * share / total;
        }

        return officers;
    }

    /// <summary>
    /// The predation factor of each municipality, 1/(1 + guard_deterrence · effective officers per 1,000
    /// inhabitants). Under a proactive posture the Guard's intelligence reaches the same groups' cells next
    /// door: each neighbour counts proactive_reach · officers / (number of neighbours) more officers.
    /// </summary>
    public static double[] Deterrence(EngineInputs inputs, EngineParameters p, Policy policy, double[] officers, int year)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(officers);
        var effective = (double[])officers.Clone();
        if (policy.GuardPosture == GuardPosture.Proactive)
        {
            for (var m = 0; m < officers.Length; m++)
            {
                var around = inputs.Neighbours[m];
                foreach (var n in around)
                {
                    effective[n] += p.ProactiveReach * officers[m] / around.Length;
                }
            }
        }

        var factor = new double[officers.Length];
        for (var m = 0; m < officers.Length; m++)
        {
            var thousands = Math.Max(1, inputs.PopulationIn(m, year) / 1000);
            factor[m] = 1 / (1 + (p.GuardDeterrence * effective[m] / thousands));
        }

        return factor;
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
        for (var m = 0; m < world.M; m++)
        {
            if (officers[m] <= 0 || world.GroupsIn[m].Count == 0)
            {
                continue;
            }

            if (policy.GuardPosture == GuardPosture.Garrison && inputs.Neighbours[m].Length > 0)
            {
                var target = inputs.Neighbours[m].OrderByDescending(n => lastYear[n]).ThenBy(n => n).First();
                foreach (var g in world.GroupsIn[m])
                {
                    var c = (g * world.M) + m;
                    var pushed = (int)random.Poisson(p.GarrisonDisplacement * world.Free[c] * (1 - deterrence[m]));
                    world.Moves[c] = Math.Min(world.Moves[c] + pushed, world.Free[c]);
                    if (world.Moves[c] > 0)
                    {
                        world.MoveTarget[c] = target;
                    }
                }
            }
            else if (policy.GuardPosture == GuardPosture.Proactive)
            {
                var cells = world.GroupsIn[m].SelectMany(g => inputs.Neighbours[m].Append(m).Select(n => (g * world.M) + n)).Where(c => world.Free[c] > 0).ToList();
                var exposed = cells.Sum(c => (double)world.Free[c]);
                foreach (var c in cells)
                {
                    var n = (int)random.Poisson(p.ProactiveArrests * officers[m] * world.Free[c] / exposed);
                    world.Arrests[c] = Math.Min(world.Arrests[c] + n, world.Free[c] - world.Deaths[c]);
                }
            }
        }
    }
}
