using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// How the state hits organizations: high-value targeting, middle-layer sweeps built on intelligence,
/// and focused deterrence (most violent first).
/// Claims (seed, "Strategic choices in targeting"; DESIGN.md mechanisms 2, 3, 5, 14): removing leaders
/// alone triggers succession and fragmentation; arresting most of a middle layer at once disables a
/// group, but needs intelligence built up over months, and in a corrupt apparatus intelligence leaks and
/// "goes cold" (the targets move); announcing that the most violent group is hit first makes the others
/// weigh being next.
/// - Target choice: the first group of the priority list that still qualifies, else the most violent
///   (most-violent-first) or the largest.
/// - High-value: Poisson(leader_removals_per_week) leaders removed a week from the target.
/// - Sweep: each week on the target, intelligence grows by a week, unless it leaks — with probability
///   intelligence_leak · (1 − anti_corruption · reform progress) — and resets (a failed sweep). After
///   intelligence_weeks it strikes: sweep_share of the target's middle layer is arrested; the next
///   target follows, and once every candidate was swept the campaign starts over.
/// - Most violent first: groups other than the target restrain their violence by deterrence_signal.
/// Reads: leader_removals_per_week (policy), intelligence_leak, deterrence_signal; the policy's targeting,
/// priority, sweep_share, intelligence_weeks, anti_corruption.
/// </summary>
public static class TargetingSystem
{
    /// <summary>Runs one week of targeting; <paramref name="priority"/> holds the policy's priority groups as indices.</summary>
    /// <param name="world">The world.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="policy">The policy in force.</param>
    /// <param name="priority">Group indices of the policy's priority list, in order.</param>
    /// <param name="reform">Progress of the policy's reforms, 0-1.</param>
    /// <param name="random">The replicate's generator.</param>
    public static void Run(World world, EngineParameters p, Policy policy, IReadOnlyList<int> priority, double reform, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(random);
        var mostViolentFirst = policy.Targeting.HasFlag(Targeting.MostViolentFirst);
        var only = policy.OnlyPriority;
        var focus = mostViolentFirst ? Pick(world, priority, mostViolentFirst, only, g => world.GroupMembers[g] > 0) : -1;
        for (var g = 0; g < world.Groups; g++)
        {
            world.Restraint[g] = mostViolentFirst && g != focus ? 1 - p.DeterrenceSignal : 1;
        }

        if (policy.Targeting.HasFlag(Targeting.HighValue))
        {
            var removals = (int)random.Poisson(policy.LeaderRemovalsPerWeek);
            for (var k = 0; k < removals; k++)
            {
                var target = Pick(world, priority, mostViolentFirst, only, g => world.GroupLeaders[g] - world.LeaderRemovals[g] > 0);
                if (target < 0)
                {
                    break;
                }

                world.LeaderRemovals[target]++;
            }
        }

        if (policy.Targeting.HasFlag(Targeting.MiddleLayerSweep))
        {
            Sweep(world, p, policy, priority, mostViolentFirst, reform, random);
        }
    }

    private static void Sweep(World world, EngineParameters p, Policy policy, IReadOnlyList<int> priority, bool mostViolentFirst, double reform, Xoshiro256StarStar random)
    {
        if (world.SweepTarget < 0 || world.GroupMiddle[world.SweepTarget] == 0)
        {
            world.SweepTarget = Pick(world, priority, mostViolentFirst, policy.OnlyPriority, g => !world.Swept[g] && world.GroupMiddle[g] > 0);
            if (world.SweepTarget < 0)
            {
                // Every candidate has been swept once: the campaign starts over on the regrown layers.
                Array.Clear(world.Swept);
                world.SweepTarget = Pick(world, priority, mostViolentFirst, policy.OnlyPriority, g => world.GroupMiddle[g] > 0);
            }

            world.Intelligence = 0;
            if (world.SweepTarget < 0)
            {
                return;
            }
        }

        var leak = p.IntelligenceLeak * (1 - (policy.AntiCorruption * Math.Clamp(reform, 0, 1)));
        if (random.NextDouble() < leak)
        {
            world.Intelligence = 0; // the operation leaked: the targets move, the work starts over
            world.SweepsFailed++;
            return;
        }

        if (++world.Intelligence < policy.IntelligenceWeeks)
        {
            return;
        }

        world.MiddleRemovalShare[world.SweepTarget] = policy.SweepShare;
        world.Swept[world.SweepTarget] = true;
        world.SweepsDone++;
        world.SweepTarget = -1;
    }

    /// <summary>
    /// The group to target: the first of the priority list that qualifies (a splinter counts as its
    /// parent's lineage), else — unless <paramref name="onlyPriority"/> — the most violent or the largest.
    /// </summary>
    public static int Pick(World world, IReadOnlyList<int> priority, bool mostViolentFirst, bool onlyPriority, Func<int, bool> qualifies)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(qualifies);
        foreach (var g in priority)
        {
            if (g < world.Groups && !world.Exempt[g] && qualifies(g))
            {
                return g;
            }
        }

        var target = -1;
        for (var g = 0; g < world.Groups; g++)
        {
            if (world.Exempt[g] || !qualifies(g) || (onlyPriority && !priority.Contains(Lineage(world, g))))
            {
                continue;
            }

            var better = target < 0
                || (mostViolentFirst ? world.RecentViolence[g] > world.RecentViolence[target] : world.GroupMembers[g] > world.GroupMembers[target]);
            if (better)
            {
                target = g;
            }
        }

        return target;
    }

    /// <summary>The founding group of <paramref name="group"/>'s lineage (itself unless it is a splinter).</summary>
    public static int Lineage(World world, int group)
    {
        ArgumentNullException.ThrowIfNull(world);
        while (world.Parent[group] >= 0)
        {
            group = world.Parent[group];
        }

        return group;
    }
}
