using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Fission: large organizations break apart without a capture.
/// Claim: "with partial exception of the Cartel Jalisco Nueva Generación, all of the other major criminal groups,
/// including the Sinaloa Cartel, have been experiencing fragmentation ... The infighting within even the smaller
/// groups constantly rearranges the middle layer" (seed) — in 2015-2018, when high-value removals had slowed to a
/// few a year (data/history/published_aggregates.csv: 93 of the 122 priority targets by April 2015, 110 by
/// September 2018), so fragmentation cannot all be the removals' doing.
/// A rival of the <c>fragmentation</c> explanation's account (splits only in the succession crisis a removal opens):
/// every week a led group not in a crisis splits with probability fission_rate · middle/(middle + 20) — the
/// dependence on the middle layer of a crisis split (<see cref="Succession.SplitChance"/>): lieutenants with many men under them
/// can go their own way. The split is the world's: about half of the members in each of the group's places follow
/// the splinter, which inherits the group's rivalries and becomes its rival.
/// Held when the run's explanations include <c>fission</c>; otherwise it draws nothing, so runs without it are
/// unchanged. Declares: fission_rate. Metric: fissions.
/// </summary>
public sealed class Fission : IMechanism
{
    /// <summary>Probability per week that a led group with a large middle layer splits without a capture.</summary>
    public static readonly ParameterSpec FissionRate = new("fission_rate", 0.001, "per week per group (large middle layer)", "assumed; calibrated where the fission explanation is held", 0, 0.02, "chance a group breaks apart without a capture")
    { Prior = Prior.LogUniform(1e-4, 1e-2) };

    /// <summary>Groups that broke apart without a capture during the year.</summary>
    public static readonly MetricSpec Fissions = new("fissions", "groups", MetricAggregation.Sum, "groups that split without a capture (fission)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("fission", "large groups break apart without a capture", [FissionRate], () => new Fission());

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (!context.Settings.Holds(Explanation.Fission))
        {
            return;
        }

        var world = context.World;
        var random = context.Random;
        var rate = context.Settings[FissionRate];
        var fissions = 0;
        var groups = world.Groups; // splinters made this week wait for their founding
        for (var g = 0; g < groups && world.Groups < world.MaxGroups; g++)
        {
            // A group in a succession crisis splits, if at all, by the crisis (Succession); a splinter not yet founded has no leaders to defect from.
            if (world.GroupMembers[g] == 0 || world.CrisisLeft[g] > 0 || (world.Parent[g] >= 0 && !world.Founded[g]))
            {
                continue;
            }

            if (random.NextDouble() < Succession.SplitChance(rate, world.GroupMiddle[g]))
            {
                world.Split(g);
                fissions++;
            }
        }

        context.Splits += fissions;
        context.Metrics.Record(Fissions, fissions);
    }
}
