using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Succession when a group loses its leaders, fragmentation when its middle layer cannot hold, and
/// regeneration of the middle layer.
/// Claims: removing leaders "without arresting the middle layer underneath them will allow groups to
/// regenerate quickly and will exacerbate the debilitating violence" (seed, recommendations); a kingpin
/// capture raises local homicides for at least twelve months (Lindo &amp; Padilla-Romo 2018); with the
/// exception of CJNG, the major groups "have been experiencing fragmentation" (seed).
/// A leader's removal destabilizes the plaza the leader ran: the leader's municipality and the
/// neighbouring municipalities where the group operates enter a local crisis of crisis_weeks, during
/// which all organized violence there (conflict and predation, whoever commits it) is multiplied by
/// 1 + (crisis_violence − 1) · (groups in a succession crisis there) — crises of different groups add up, so a
/// capture where others are still being fought over still adds violence: lieutenants fight over the succession and rivals move on the weakened plaza
/// (Calderón et al. 2015: removals raise violence between organizations and against civilians;
/// Lindo &amp; Padilla-Romo 2018: where the leader was and next door where the organization operates).
/// A group with no free leader enters a crisis of crisis_weeks: in each of its municipalities it suffers
/// succession killings ~ Poisson(succession_violence · √members there), all members of the group; each
/// week of crisis it splits with probability split_probability · middle/(middle + 20) — a large middle
/// layer without a head breaks into factions. About half of the members in each of the group's
/// municipalities follow the splinter, which inherits the group's rivalries and becomes its rival, so
/// every place the group held becomes contested. At the end of a crisis the middle layer installs new
/// leaders. Every week a share <c>promotion</c> of the gap between the middle layer and middle_share of
/// members is promoted from foot soldiers (on average: the whole part of it, and one more with the
/// probability of its fraction; see <see cref="World.ApplyEvents"/>).
/// Reads: crisis_violence (via <see cref="TerritorialCompetitionSystem.Plaza"/>), succession_violence, crisis_weeks, split_probability, middle_share, leaders_per_group, promotion.
/// </summary>
public static class SuccessionSystem
{
    /// <summary>
    /// Advances the local crises by a week and opens new ones where leaders were removed last week: the
    /// leader's municipality and the neighbouring municipalities where the group has members.
    /// </summary>
    public static void Destabilize(World world, int[][] neighbours, EngineParameters p)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(p);
        var crises = world.Crises;
        var kept = 0;
        for (var k = 0; k < crises.Count; k++)
        {
            var (place, group, left) = crises[k];
            if (left <= 1)
            {
                world.PlazaCrisis[place]--;
                continue;
            }

            crises[kept++] = (place, group, left - 1);
        }

        crises.RemoveRange(kept, crises.Count - kept);
        foreach (var c in world.RemovedLeaderCells)
        {
            OpenAround(world, neighbours, world.CellGroup[c], world.CellPlace[c], p.CrisisWeeks);
        }

        world.RemovedLeaderCells.Clear();
    }

    /// <summary>
    /// The crises the campaign left behind before the start: high-value targeting ran long before 2015, so
    /// at week 0 the plazas of the Poisson(removals a week · crisis_weeks) leaders removed in the last
    /// crisis_weeks are still in crisis, each with a uniformly drawn time left. Those leaders are taken in
    /// the campaign's order (the largest groups first); a cold start would instead make violence climb
    /// through the first year for no reason but the model's own start.
    /// </summary>
    public static void WarmStart(World world, int[][] neighbours, EngineParameters p, double removalsPerWeek, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(random);
        var removed = (int)random.Poisson(removalsPerWeek * p.CrisisWeeks);
        var leaders = new List<int>();
        for (var i = 0; i < world.Count; i++)
        {
            if (world.Rank[i] == Tier.Leader && world.State[i] == Status.Free)
            {
                leaders.Add(i);
            }
        }

        foreach (var i in leaders.OrderByDescending(i => world.GroupMembers[world.Group[i]]).ThenBy(i => i).Take(removed))
        {
            OpenAround(world, neighbours, world.Group[i], world.Place[i], 1 + (int)(random.NextDouble() * p.CrisisWeeks));
        }
    }

    // A removal's crisis: the leader's municipality and the neighbouring ones where the group has members.
    private static void OpenAround(World world, int[][] neighbours, int group, int place, int weeks)
    {
        Open(world, place, group, weeks);
        foreach (var n in neighbours[place])
        {
            if (world.FreeOf(group, n) > 0)
            {
                Open(world, n, group, weeks);
            }
        }
    }

    // One crisis per group and place: a second lieutenant of the same group taken in the same plaza prolongs
    // the fight over it rather than starting another.
    private static void Open(World world, int place, int group, int weeks)
    {
        var crises = world.Crises;
        for (var k = 0; k < crises.Count; k++)
        {
            if (crises[k].Place == place && crises[k].Group == group)
            {
                crises[k] = (place, group, Math.Max(crises[k].WeeksLeft, weeks));
                return;
            }
        }

        crises.Add((place, group, weeks));
        world.PlazaCrisis[place]++;
    }

    /// <summary>Decides succession killings, splits, leader installations and promotions; returns (killings, splits).</summary>
    public static (int Killings, int Splits) Run(World world, EngineParameters p, int[] homicides, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(random);
        int killings = 0, splits = 0;
        var groups = world.Groups;
        for (var g = 0; g < groups; g++)
        {
            if (world.GroupMembers[g] == 0)
            {
                world.CrisisLeft[g] = 0;
                continue;
            }

            world.Promotions[g] = Math.Max(0, p.Promotion * ((p.MiddleShare * world.GroupMembers[g]) - world.GroupMiddle[g]));
            var leaderless = world.GroupLeaders[g] - world.LeaderRemovals[g] <= 0;
            if (leaderless && world.Parent[g] >= 0 && !world.Founded[g])
            {
                // A splinter is led from the start by the lieutenants who broke away.
                world.Founded[g] = true;
                world.LeaderInstalls[g] = Math.Min(p.LeadersPerGroup, world.GroupMiddle[g]);
                continue;
            }

            if (leaderless && world.CrisisLeft[g] == 0)
            {
                world.CrisisLeft[g] = p.CrisisWeeks;
            }

            if (world.CrisisLeft[g] == 0)
            {
                continue;
            }

            foreach (var c in world.CellsOfGroup(g))
            {
                var n = (int)random.Poisson(p.SuccessionViolence * Math.Sqrt(world.Free[c]));
                n = Math.Min(n, world.Free[c] - world.Deaths[c] - world.Arrests[c]);
                if (n <= 0)
                {
                    continue;
                }

                world.Deaths[c] += n;
                homicides[world.CellPlace[c]] += n;
                world.Attribute(g, n);
                killings += n;
            }

            var middle = world.GroupMiddle[g];
            if (world.Groups < world.MaxGroups && random.NextDouble() < p.SplitProbability * middle / (middle + 20.0))
            {
                Split(world, g);
                splits++;
            }

            if (--world.CrisisLeft[g] == 0)
            {
                world.LeaderInstalls[g] = Math.Min(p.LeadersPerGroup, middle);
            }
        }

        return (killings, splits);
    }

    private static void Split(World world, int parent)
    {
        var splinter = world.Groups++;
        world.Parent[splinter] = parent;
        for (var other = 0; other < splinter; other++)
        {
            world.SetRivalry(splinter, other, world.RivalryOf(parent, other));
        }

        world.SetRivalry(splinter, parent, Math.Max(5, world.RivalryOf(splinter, parent)));
        foreach (var c in world.CellsOfGroup(parent))
        {
            world.SplitTo[c] = splinter;
        }

        world.CrisisLeft[splinter] = 0;
    }
}
