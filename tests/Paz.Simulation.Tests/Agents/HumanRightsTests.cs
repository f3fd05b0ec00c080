using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Abuses, cooperation, disappearances and the search on the real atlas from December 2018.</summary>
public class HumanRightsTests
{
    private const ulong Seed = 43;

    private static readonly DateOnly Plan = new(2019, 1, 1);

    private static double National(ReplicateResult run, string metric, int first, int last) =>
        run.Metrics!.Rows().Where(r => r.Metric == metric && r.Level == MetricLevel.National && r.Year >= first && r.Year <= last).Sum(r => r.Value);

    private static double Last(ReplicateResult run, string metric) => run.Metrics!.Weekly(metric)![^1];

    private static void Show(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    // Short middle-layer sweeps (8 weeks of intelligence, a 5% weekly leak: many attempts, so their outcomes can be
    // counted) from 2019 by a brutal force (abuse_rate 300, five times its prior's top; cooperation_loss at its top)
    // or one the rights pillar keeps from abusing.
    private static Settings Sweeps(Settings p) => p
        .With(Targeting.Strategy, (double)TargetingStrategy.MiddleLayerSweep).With(Targeting.IntelligenceWeeks, 8).With(Targeting.IntelligenceLeak, 0.05)
        .With(HumanRights.CooperationLoss, 10).With(HumanRights.AbuseRate, 300);

    [Fact]
    public void AForceThatAbusesMoreLosesCooperationAndCompletesFewerSweeps()
    {
        var abusive = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, Sweeps)), 2022, Seed);
        var protective = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, p => Sweeps(p).With(HumanRights.Protection, 1))), 2022, Seed);
        var (abuses, none) = (National(abusive, HumanRights.Abuses.Name, 2019, 2022), National(protective, HumanRights.Abuses.Name, 2019, 2022));
        var (done, doneProtected) = (Last(abusive, Targeting.SweepsDone.Name), Last(protective, Targeting.SweepsDone.Name));
        var (failed, failedProtected) = (Last(abusive, Targeting.SweepsFailed.Name), Last(protective, Targeting.SweepsFailed.Name));
        Show($"2019-2022: abuses {abuses:N0} vs {none:N0}; sweeps done {done} vs {doneProtected}, failed {failed} vs {failedProtected}; cooperation at the end {Last(abusive, HumanRights.CooperationMetric.Name):F3} vs {Last(protective, HumanRights.CooperationMetric.Name):F3}");

        Assert.Equal(0, none);
        Assert.True(abuses > 1000, $"abuses 2019-2022: {abuses}");
        Assert.True(Last(abusive, HumanRights.CooperationMetric.Name) < Last(protective, HumanRights.CooperationMetric.Name));

        // Intelligence comes slower from communities the forces abused: fewer sweeps strike, beyond noise.
        Assert.True(doneProtected - done > 2 * Math.Sqrt(done + doneProtected), $"sweeps done 2019-2022: {done} abusive, {doneProtected} protective");
        Assert.True(failed / Math.Max(1, failed + done) > failedProtected / Math.Max(1, failedProtected + doneProtected), $"share of sweeps failed: {failed}/{failed + done} abusive, {failedProtected}/{failedProtected + doneProtected} protective");
    }

    [Fact]
    public void DisappearancesFollowTheKillingsAndASearchFindsTheMissingAsFarAsItsCapacityGoes()
    {
        var none = PlanStartWorld.Run(PlanStartWorld.Policy(), 2020, Seed);
        var search = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, p => p.With(SearchProgramme.Capacity, 10_000))), 2020, Seed);
        var disappeared = National(none, HumanRights.Disappearances.Name, 2019, 2020);
        var homicides = none.Homicides(2019) + none.Homicides(2020);
        Show($"2019-2020: {disappeared:N0} disappeared for {homicides:N0} homicides; missing at the end {Last(none, SearchProgramme.Missing.Name):N0} without a search, {Last(search, SearchProgramme.Missing.Name):N0} with 10,000 cases a year");

        // About disappearance_ratio per homicide, within Poisson noise.
        var expected = 0.175 * homicides;
        Assert.True(Math.Abs(disappeared - expected) < 4 * Math.Sqrt(expected), $"disappeared {disappeared}, expected about {expected}");

        // Without a search nobody is found; with one, 10,000 cases a year are resolved between the missing and the bodies.
        Assert.Equal(0, National(none, SearchProgramme.FoundAlive.Name, 2019, 2020) + National(none, SearchProgramme.Identified.Name, 2019, 2020));
        var resolved = National(search, SearchProgramme.FoundAlive.Name, 2019, 2020) + National(search, SearchProgramme.FoundDead.Name, 2019, 2020) + National(search, SearchProgramme.Identified.Name, 2019, 2020);
        Assert.Equal(20_000, resolved, 20_000 * 0.02);
        Assert.True(Last(search, SearchProgramme.Missing.Name) < Last(none, SearchProgramme.Missing.Name) - 5_000);

        // The long rows carry those found by state, adding up to the nation's.
        foreach (var metric in new[] { SearchProgramme.FoundAlive, SearchProgramme.FoundDead })
        {
            var byState = search.Metrics!.Rows().Where(r => r.Metric == metric.Name && r.Level == MetricLevel.State && r.Year >= 2019).ToList();
            Assert.Equal(National(search, metric.Name, 2019, 2020), byState.Sum(r => r.Value), 6);
            Assert.True(byState.Select(r => r.Place).Distinct().Count() > 1, $"{metric.Name} in one state only");
        }
    }
}
