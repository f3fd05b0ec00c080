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
        var none = PlanStartWorld.Run(PlanStartWorld.Policy(), 2020, Seed);
        var unbacked = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, Councils(1))), 2020, Seed);
        var backed = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, Councils(0))), 2020, Seed);
        var (h0, h1, h2) = (none.Homicides(2019) + none.Homicides(2020), unbacked.Homicides(2019) + unbacked.Homicides(2020), backed.Homicides(2019) + backed.Homicides(2020));
        var mediated = National(backed, Mechanisms.Councils.Mediated.Name);
        Show($"homicides 2019-2020: {h0:N0} without councils, {h1:N0} with councils no place's presence can back, {h2:N0} with councils everywhere backed; disputes mediated {mediated:N0}");

        // Where no place reaches the threshold (the rule of law is below 1 everywhere) a council changes nothing at all.
        Assert.Equal(0, National(unbacked, Mechanisms.Councils.Mediated.Name));
        Assert.Equal(none.Homicides(2020), unbacked.Homicides(2020));

        // Backed everywhere, councils defuse disputes that would have killed, and homicides fall beyond noise.
        Assert.True(mediated > 500, $"disputes mediated 2019-2020: {mediated}");
        Assert.True(h0 - h2 > 3 * Math.Sqrt(h0 + h2), $"homicides 2019-2020: {h0} without councils, {h2} with them");
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
