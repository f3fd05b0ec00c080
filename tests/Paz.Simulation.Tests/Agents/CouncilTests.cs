using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Peacebuilding Councils and coordination committees on the real atlas from December 2018.</summary>
public class CouncilTests
{
    private const ulong Seed = 41;

    private static readonly DateOnly Plan = new(2019, 1, 1);

    private static double National(ReplicateResult run, string metric) =>
        run.Metrics!.Rows().Where(r => r.Metric == metric && r.Level == MetricLevel.National).Sum(r => r.Value);

    private static void Show(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    // A council in every municipality, at council_mediation's prior top, needing a rule of law of at least `threshold`.
    private static Func<Settings, Settings> Councils(double threshold) => p => p
        .With(Mechanisms.Councils.Where, (double)CouncilPlacement.Municipality)
        .With(Mechanisms.Councils.Mediation, 0.3)
        .With(Mechanisms.Councils.PresenceThreshold, threshold);

    [Fact]
    public void CouncilsDefuseLethalDisputesOnlyWherePresenceIsAboveTheirThreshold()
    {
        var none = PlanStartWorld.Run(PlanStartWorld.Policy(), 2019, Seed);
        var unbacked = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, Councils(1))), 2019, Seed);
        var backed = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, Councils(0))), 2019, Seed);
        var mediated = National(backed, Mechanisms.Councils.Mediated.Name);
        Show($"homicides 2019: {none.Homicides(2019):N0} without councils, {unbacked.Homicides(2019):N0} with councils no place's presence can back, {backed.Homicides(2019):N0} with councils everywhere backed; disputes mediated {mediated:N0}");

        // Where no place reaches the threshold (the rule of law is below 1 everywhere) a council changes nothing at all.
        Assert.Equal(0, National(unbacked, Mechanisms.Councils.Mediated.Name));
        Assert.Equal(none.Homicides(2019), unbacked.Homicides(2019));

        // Backed everywhere, councils defuse disputes that would have killed: in the first week of the plan, when the two
        // worlds are still the same, every dispute defused is a homicide fewer (later weeks diverge, as worlds do).
        var week = none.Weeks.First(w => w.Date >= Plan).Week;
        var defused = backed.Metrics!.Weekly(Mechanisms.Councils.Mediated.Name)![week];
        Show($"first week of 2019: {none.Weeks[week].Homicides} homicides without councils, {backed.Weeks[week].Homicides} with them, {defused} defused");
        Assert.True(defused > 10, $"disputes defused in the first week: {defused}");
        Assert.Equal(none.Weeks[week].Homicides - defused, backed.Weeks[week].Homicides);
        Assert.True(mediated > 500, $"disputes mediated in 2019: {mediated}");

        // The long rows carry them by state too, adding up to the nation's.
        var byState = backed.Metrics!.Rows().Where(r => r.Metric == Mechanisms.Councils.Mediated.Name && r.Level == MetricLevel.State).ToList();
        Assert.True(byState.Select(r => r.Place).Distinct().Count() > 1, "disputes mediated in one state only");
        Assert.Equal(mediated, byState.Sum(r => r.Value), 6);
    }

    [Fact]
    public void ARecommendedCouncilWithTheHumanRightsCommissionAsAMemberDefusesMoreThanThePlans()
    {
        Func<Settings, Settings> seated(CouncilSeating seating) => p => Councils(0)(p).With(Mechanisms.Councils.Composition, (double)seating).With(Mechanisms.Councils.RightsStanding, 0.2);
        var plan = National(PlanStartWorld.Run(PlanStartWorld.Policy((Plan, seated(CouncilSeating.Plan2018))), 2019, Seed), Mechanisms.Councils.Mediated.Name);
        var recommended = National(PlanStartWorld.Run(PlanStartWorld.Policy((Plan, seated(CouncilSeating.Recommended))), 2019, Seed), Mechanisms.Councils.Mediated.Name);
        Show($"disputes mediated in 2019: {plan:N0} by the plan's councils, {recommended:N0} by the recommended");
        Assert.True(recommended - plan > 2 * Math.Sqrt(recommended + plan), $"disputes mediated in 2019: {plan} plan, {recommended} recommended");
    }

    [Fact]
    public void CoordinationCommitteesConvictMoreWhereTheGuardIsDeployed()
    {
        Func<Settings, Settings> guard = p => p.With(ForceLevers.GuardPersonnelStart, 100_000).With(ForceLevers.GuardPersonnelFull, 100_000);
        var without = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, guard)), 2020, Seed);
        var with = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, p => guard(p).With(CoordinationCommittees.Sitting, true).With(CoordinationCommittees.Gain, 0.3))), 2020, Seed);
        var (a, b) = (without.Weeks.Sum(w => w.Convictions), with.Weeks.Sum(w => w.Convictions));
        Show($"convictions 2019-2020: {a:N0} without committees, {b:N0} with them");
        Assert.True(b - a > 3 * Math.Sqrt(a + b), $"convictions 2019-2020: {a} without committees, {b} with them");
    }
}
