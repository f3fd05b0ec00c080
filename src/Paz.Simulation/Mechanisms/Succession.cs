using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Succession when a group loses its leaders, fragmentation when its middle layer cannot hold, and
/// regeneration of the middle layer.
/// Claims: removing leaders "without arresting the middle layer underneath them will allow groups to
/// regenerate quickly and will exacerbate the debilitating violence" (seed, recommendations); with the
/// exception of CJNG, the major groups "have been experiencing fragmentation" (seed).
/// A group with no free leader enters a crisis of crisis_weeks: in each of its municipalities it suffers
/// succession killings ~ Poisson(succession_violence · √members there), all members of the group; each
/// week of crisis it splits with probability split_probability · middle/(middle + 20) — a large middle
/// layer without a head breaks into factions. About half of the members in each of the group's
/// municipalities follow the splinter, which inherits the group's rivalries and becomes its rival, so
/// every place the group held becomes contested. At the end of a crisis the middle layer installs new
/// leaders. Every week a share <c>promotion</c> of the gap between the middle layer and middle_share of
/// members is promoted from foot soldiers (on average: the whole part of it, and one more with the
/// probability of its fraction; see <see cref="World.ApplyEvents"/>).
/// Declares: succession_violence, split_probability, promotion (reads the world's crisis_weeks,
/// middle_share, leaders_per_group). Metric: splits.
/// </summary>
public sealed class Succession : IMechanism
{
    /// <summary>Succession killings per week per √member of a group in crisis.</summary>
    public static readonly ParameterSpec SuccessionViolence = new("succession_violence", 0.05, "killings per week per √member", "assumed; calibrated", 0, 1, "violence inside a group without leaders")
    { Prior = Prior.Uniform(0, 0.2), Fitted = true };

    /// <summary>Probability per week in a crisis that the group splits, when its middle layer is large.</summary>
    public static readonly ParameterSpec SplitProbability = new("split_probability", 0.02, "per week of crisis", "assumed; calibrated", 0, 0.2, "chance a leaderless group fragments")
    { Prior = Prior.Uniform(0, 0.2), Fitted = true };

    /// <summary>Share of the middle-layer gap filled from foot soldiers per week.</summary>
    public static readonly ParameterSpec Promotion = new("promotion", 0.01, "share of the gap per week", "assumed", 0, 0.2, "regeneration of the middle layer from foot soldiers")
    { Prior = Prior.LogUniform(0.002, 0.05) };

    /// <summary>Groups that split during the year.</summary>
    public static readonly MetricSpec Splits = new("splits", "groups", MetricAggregation.Sum, "groups that broke into a splinter");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("succession", "headless groups fight over succession and split; the middle layer regenerates", [SuccessionViolence, SplitProbability, Promotion], () => new Succession());

    /// <summary>
    /// The week's chance that a group splits, <paramref name="probability"/> · middle/(middle + 20): a large middle layer
    /// breaks into factions, a handful of lieutenants cannot. Shared by a crisis split and by <see cref="Fission"/>.
    /// </summary>
    public static double SplitChance(double probability, int middle) => probability * middle / (middle + 20.0);

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var s = context.Settings;
        var random = context.Random;
        var homicides = context.Homicides;
        var promotion = s[Promotion];
        var middleShare = s[WorldParameters.MiddleShare];
        var leadersPerGroup = s.Whole(WorldParameters.LeadersPerGroup);
        var crisisWeeks = s.Whole(WorldParameters.CrisisWeeks);
        var violence = s[SuccessionViolence];
        var splitProbability = s.Holds(Explanation.Fragmentation) ? s[SplitProbability] : 0;
        var splits = 0;
        var groups = world.Groups;
        for (var g = 0; g < groups; g++)
        {
            if (world.GroupMembers[g] == 0)
            {
                world.CrisisLeft[g] = 0;
                continue;
            }

            world.Promotions[g] = Math.Max(0, promotion * ((middleShare * world.GroupMembers[g]) - world.GroupMiddle[g]));
            var leaderless = world.GroupLeaders[g] - world.LeaderRemovals[g] <= 0;
            if (leaderless && world.Parent[g] >= 0 && !world.Founded[g])
            {
                // A splinter is led from the start by the lieutenants who broke away.
                world.Founded[g] = true;
                world.LeaderInstalls[g] = Math.Min(leadersPerGroup, world.GroupMiddle[g]);
                continue;
            }

            if (leaderless && world.CrisisLeft[g] == 0)
            {
                world.CrisisLeft[g] = crisisWeeks;
            }

            if (world.CrisisLeft[g] == 0)
            {
                continue;
            }

            foreach (var c in world.CellsOfGroup(g))
            {
                var n = (int)random.Poisson(violence * Math.Sqrt(world.Free[c]));
                n = Math.Min(n, world.Free[c] - world.Deaths[c] - world.Arrests[c]);
                if (n <= 0)
                {
                    continue;
                }

                world.Deaths[c] += n;
                homicides[world.CellPlace[c]] += n;
                world.Attribute(g, n);
            }

            var middle = world.GroupMiddle[g];
            if (world.Groups < world.MaxGroups && random.NextDouble() < SplitChance(splitProbability, middle))
            {
                world.Split(g);
                splits++;
            }

            if (--world.CrisisLeft[g] == 0)
            {
                world.LeaderInstalls[g] = Math.Min(leadersPerGroup, middle);
            }
        }

        context.Splits += splits;
        context.Metrics.Record(Splits, splits);
    }
}
