using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Experiments;

/// <summary>One seed of the kingpin experiment: homicides after the removal, with and without it.</summary>
/// <param name="Seed">The replicate's seed (both runs share it).</param>
/// <param name="Home6">Homicides in the municipalities where the leaders were, in the 6 months after the removal: with it, without it.</param>
/// <param name="Home12">The same over 12 months.</param>
/// <param name="Neighbours6">Homicides in neighbouring municipalities where the group operates, 6 months.</param>
/// <param name="Neighbours12">The same over 12 months.</param>
public sealed record KingpinPair(ulong Seed, (int With, int Without) Home6, (int With, int Without) Home12, (int With, int Without) Neighbours6, (int With, int Without) Neighbours12);

/// <summary>The experiment's result over seeds.</summary>
/// <param name="Group">The group whose leaders were removed.</param>
/// <param name="Week">Week of the removal.</param>
/// <param name="HomePlaces">Municipalities where its leaders were.</param>
/// <param name="NeighbourPlaces">Neighbouring municipalities where the group had members.</param>
/// <param name="Pairs">One pair of runs per seed.</param>
public sealed record KingpinResult(string Group, int Week, IReadOnlyList<int> HomePlaces, IReadOnlyList<int> NeighbourPlaces, IReadOnlyList<KingpinPair> Pairs)
{
    /// <summary>Relative change in homicides, pooled over seeds: Σ with / Σ without − 1.</summary>
    public static double Change(IEnumerable<(int With, int Without)> pairs)
    {
        var list = pairs.ToList();
        var without = list.Sum(p => p.Without);
        return without > 0 ? (list.Sum(p => p.With) / (double)without) - 1 : double.NaN;
    }
}

/// <summary>
/// The kingpin experiment (Lindo &amp; Padilla-Romo 2018; Calderón et al. 2015): the same scenario and seed
/// run twice, once with every leader of one group removed on a given week, once without — in both runs the
/// group is then exempt from the baseline's own targeting for the window, so the pair differs by one
/// capture, as in the studies' treated and untreated municipalities — and homicides compared over
/// the following 6 and 12 months in the municipalities where the leaders were and in neighbouring
/// municipalities where the group operates. The two runs share their history up to the removal; after it,
/// their random streams part, so the experiment pools several seeds.
/// </summary>
public static class KingpinExperiment
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="engine">The engine on the real atlas.</param>
    /// <param name="timeline">The settings in force (the calibrated baseline's).</param>
    /// <param name="group">Index of the group whose leaders are removed, or −1 for the largest group that, on the
    /// removal week, has its leaders and is not in a succession crisis (a capture that changes something).</param>
    /// <param name="week">Week of the removal.</param>
    /// <param name="seeds">Seeds, one pair of runs each.</param>
    public static KingpinResult Run(CriminalMarketEngine engine, Timeline timeline, int group, int week, IReadOnlyList<ulong> seeds)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(seeds);
        var inputs = engine.Inputs;
        var weeks = week + 53;
        var pairs = new KingpinPair[seeds.Count];
        var chosen = new int[seeds.Count];
        var homeSets = new HashSet<int>[seeds.Count];
        var neighbourSets = new HashSet<int>[seeds.Count];
        Parallel.For(0, seeds.Count, k =>
        {
            var home = new HashSet<int>();
            var around = new HashSet<int>();
            int Choose(World world) => group >= 0 ? group : Enumerable.Range(0, world.Groups)
                .Where(x => world.CrisisLeft[x] == 0 && world.GroupLeaders[x] > 0 && world.LeaderRemovals[x] == 0)
                .OrderByDescending(x => world.GroupMembers[x]).ThenBy(x => x).FirstOrDefault(-1);

            var treated = engine.Run(timeline, weeks, seeds[k], (t, world) =>
            {
                if (t != week)
                {
                    return;
                }

                var g = chosen[k] = Choose(world);
                if (g < 0)
                {
                    return;
                }

                for (var i = 0; i < world.Count; i++)
                {
                    if (world.Group[i] == g && world.TierOf[i] == Tier.Leader && world.Status[i] == MemberStatus.Free)
                    {
                        home.Add(world.Place[i]);
                    }
                }

                foreach (var m in home)
                {
                    foreach (var n in inputs.Neighbours[m].Where(n => !home.Contains(n) && world.GroupsIn[n].Contains(g)))
                    {
                        around.Add(n);
                    }
                }

                world.LeaderRemovals[g] = world.GroupLeaders[g];
                world.Exempt[g] = true; // no further capture of this group in the window: one removal against none
            });

            // The same history up to the removal week chooses the same group; the control only exempts it from
            // the baseline's campaign, so the pair differs by one capture and not by captures a few weeks apart.
            var control = engine.Run(timeline, weeks, seeds[k], (t, world) =>
            {
                if (t == week && Choose(world) is var g and >= 0)
                {
                    world.Exempt[g] = true;
                }
            });
            var firstMonth = MonthOf(engine, week) - treated.FirstMonth + 1; // the month after the removal
            (int, int) Sum(HashSet<int> places, int months) => (Total(treated, places, firstMonth, months), Total(control, places, firstMonth, months));
            homeSets[k] = home;
            neighbourSets[k] = around;
            pairs[k] = new KingpinPair(seeds[k], Sum(home, 6), Sum(home, 12), Sum(around, 6), Sum(around, 12));
        });

        var names = chosen.Distinct().Select(g => g < 0 ? "(none)" : g < inputs.Network.Count ? inputs.Network.Groups[g].Name : $"a splinter (group {g})");
        return new KingpinResult(
            string.Join(", ", names), week,
            [.. homeSets.SelectMany(s => s).Distinct().Order()], [.. neighbourSets.SelectMany(s => s).Distinct().Order()], pairs);
    }

    private static int MonthOf(CriminalMarketEngine engine, int week)
    {
        var date = engine.Inputs.Start.AddDays(7 * week);
        return (date.Year * 12) + date.Month - 1;
    }

    private static int Total(ReplicateResult run, HashSet<int> places, int firstMonth, int months)
    {
        var total = 0;
        foreach (var m in places)
        {
            for (var t = firstMonth; t < Math.Min(run.Months, firstMonth + months); t++)
            {
                total += run.MonthlyHomicides[(m * run.Months) + t];
            }
        }

        return total;
    }
}
