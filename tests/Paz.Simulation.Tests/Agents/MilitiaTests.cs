using Paz.Core.Amnesty;
using Paz.Rules.Amnesty;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// Militias on the real atlas from December 2018: where they rise, and how a grace period before dismantling ends them
/// with fewer members than dismantling at once.
/// </summary>
public class MilitiaTests
{
    private const ulong Seed = 31;

    private static readonly DateOnly Plan = new(2019, 1, 1);

    // Militias rise at militia_formation's prior top, so that two years give enough of them to compare beyond noise.
    private static Settings Rising(Settings p) => p.With(Militias.Formation, 1e-2);

    private static double National(ReplicateResult run, string metric, int first, int last) =>
        run.Metrics!.Rows().Where(r => r.Metric == metric && r.Level == MetricLevel.National && r.Year >= first && r.Year <= last).Sum(r => r.Value);

    private static double MilitiaWeeks(ReplicateResult run, int year) => National(run, Militias.Count.Name, year, year);

    private static void Show(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static int CalibratedWeek(int year) => PlanStartWorld.Engine.Inputs.WeeksThrough(year) - 1;

    private static RuleSet Recommended => RuleLibrary.LoadAll(RuleLibrary.Locate()).Single(r => r.Name == "recommended");

    [Fact]
    public void MilitiasRiseWherePredationRisesAndTheStateIsAbsentAndNotWhereTheGuardIs()
    {
        var usual = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, Rising)), 2021, Seed);
        var preyed = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, p => Rising(p).With(Predation.Lethality, p[Predation.Lethality] * 4))), 2021, Seed);
        var guarded = PlanStartWorld.Run(PlanStartWorld.Policy((Plan, p => Rising(p).With(ForceLevers.GuardPersonnelStart, 400_000).With(ForceLevers.GuardPersonnelFull, 400_000).With(ForceLevers.GuardPlaces, 2469))), 2021, Seed);
        var (a, b, c) = (Armed(usual), Armed(preyed), Armed(guarded));
        Show($"municipalities with a militia at some time in 2019-2021: {a} as things are, {b} with four times the predation, {c} with the Guard everywhere; homicides 2021 {usual.Homicides(2021):N0}, {preyed.Homicides(2021):N0}, {guarded.Homicides(2021):N0}");

        // More predation kills more, and the communities it kills take up arms: more militias, beyond noise.
        Assert.True(a > 5, $"municipalities with a militia: {a}");
        Assert.True(b - a > 2 * Math.Sqrt(a + b), $"municipalities with a militia: {a} as things are, {b} with four times the predation");

        // With the Guard everywhere the state is present and few communities arm themselves.
        Assert.True(a - c > 2 * Math.Sqrt(a + c), $"municipalities with a militia: {a} as things are, {c} with the Guard everywhere");

        // The long rows carry the militias, their members and their killings by state, adding up to the nation's each year.
        foreach (var metric in new[] { Militias.Count, Militias.Members, Militias.Killings })
        {
            for (var year = 2019; year <= 2021; year++)
            {
                var national = National(preyed, metric.Name, year, year);
                var states = preyed.Metrics!.Rows().Where(r => r.Metric == metric.Name && r.Level == MetricLevel.State && r.Year == year).Sum(r => r.Value);
                Assert.True(Math.Abs(national - states) <= 1e-9 * Math.Max(1, national), $"{metric.Name} {year}: {national} nationally, {states} over the states");
            }
        }
    }

    // Municipalities that had a militia at some time (each rise is one event: the count is Poisson-like).
    private static int Armed(ReplicateResult run) =>
        run.Metrics!.Rows().Where(r => r.Metric == Militias.Members.Name && r.Level == MetricLevel.Municipality && r.Value > 0).Select(r => r.Place).Distinct().Count();

    [Fact]
    public void AGracePeriodThenDismantlingEndsWithFewerMilitiaMembersThanDismantlingAtOnce()
    {
        // Militias rise in 2019-2020; the policy starts in January 2021 under the recommended amnesty, whose covered members
        // hand in their arms at 4% a week during a grace period (militia_disarm_rate within its prior, above its default
        // so that the difference stands out of the dismantling's noise; at the default the grace period ends 10% lower).
        var policy = new DateOnly(2021, 1, 1);
        Timeline Disarm(int graceWeeks)
        {
            var timeline = PlanStartWorld.Policy((Plan, Rising), (policy, p => Rising(p).With(Militias.Policy, (double)MilitiaPolicy.Disarm).With(Militias.GraceWeeks, graceWeeks).With(Militias.DisarmRate, 0.04)));
            return new Timeline([.. timeline.Periods.Select(p => p.From >= policy ? p with { AmnestyRules = Recommended } : p)]);
        }

        var atOnce = PlanStartWorld.Run(Disarm(0), 2022, Seed);
        var grace = PlanStartWorld.Run(Disarm(52), 2022, Seed);
        double membersAtEnd(ReplicateResult run) => run.Metrics!.Weekly(Militias.Members.Name)![^1];
        var (once, first) = (membersAtEnd(atOnce), membersAtEnd(grace));
        Show($"militia members at the end of 2020: {atOnce.Metrics!.Weekly(Militias.Members.Name)![CalibratedWeek(2020)]:N0}");
        var (killedOnce, killedGrace) = (National(atOnce, Militias.Killings.Name, 2021, 2022), National(grace, Militias.Killings.Name, 2021, 2022));
        Show($"militia members at the end of 2022: {once:N0} dismantled at once, {first:N0} after a 52-week grace period; killings by and of militias 2021-2022: {killedOnce} and {killedGrace}; disarmed {National(grace, Militias.Disarmed.Name, 2021, 2022):N0}, arrested {National(atOnce, Militias.Arrested.Name, 2021, 2022):N0} and {National(grace, Militias.Arrested.Name, 2021, 2022):N0}");

        // The same militias at the policy's start (the runs agree until then) ...
        Assert.Equal(National(atOnce, Militias.Members.Name, 2020, 2020), National(grace, Militias.Members.Name, 2020, 2020));
        Assert.True(National(atOnce, Militias.Members.Name, 2020, 2020) > 0);

        // ... end with fewer members after a grace period: members the amnesty covers hand in their arms without the
        // forces, who arrest slowly where militias rose (the state is weak there) and whose dead are replaced.
        Assert.True(once - first > 3 * Math.Sqrt(once + first), $"militia members at the end of 2022: {once} at once, {first} after a grace period");

        // The cost in killings, stated: confronting every militia at once kills more (resistance to arrests) than
        // confronting only those left after the grace period, though militias keep preying while it lasts.
        Assert.True(killedOnce > killedGrace, $"killings by and of militias 2021-2022: {killedOnce} at once, {killedGrace} after a grace period");
        Assert.True(National(grace, Militias.Disarmed.Name, 2021, 2021) > 0);
        Assert.Equal(0, National(atOnce, Militias.Disarmed.Name, 2021, 2022));
    }

    [Fact]
    public void MilitiasRecognisedAsCommunityPoliceKeepTheirMembersAndArrestsStopWhileTheOthersAreDismantled()
    {
        var policy = new DateOnly(2021, 1, 1);
        ReplicateResult Dismantle(double recognised) => PlanStartWorld.Run(
            PlanStartWorld.Policy((Plan, Rising), (policy, p => Rising(p).With(Militias.Policy, (double)MilitiaPolicy.Disarm).With(Militias.RecognisedShare, recognised))),
            2022,
            Seed);
        var (none, all) = (Dismantle(0), Dismantle(1));
        double membersAtEnd(ReplicateResult run) => run.Metrics!.Weekly(Militias.Members.Name)![^1];
        Show($"militia members at the end of 2022: {membersAtEnd(none):N0} with none recognised, {membersAtEnd(all):N0} with all recognised; arrested {National(none, Militias.Arrested.Name, 2021, 2022):N0} and {National(all, Militias.Arrested.Name, 2021, 2022):N0}");

        // Recognised militias (every uncaptured one here) are not confronted; only those a group had captured are.
        Assert.True(National(all, Militias.Arrested.Name, 2021, 2022) < National(none, Militias.Arrested.Name, 2021, 2022) / 2);
        Assert.True(membersAtEnd(all) > 2 * membersAtEnd(none), $"militia members at the end of 2022: {membersAtEnd(none)} with none recognised, {membersAtEnd(all)} with all recognised");
    }

    [Fact]
    public void TheRecommendedAmnestyCoversAMilitiamanWhoOnlyCarriedArmsAndNotOneWhoExtorted()
    {
        var date = new DateOnly(2021, 1, 1);
        Assert.Equal(Decision.Eligible, Screener.Screen(Recommended, AmnestyApplicants.MilitiaMemberCase(date, violent: false)).Decision);
        Assert.Equal(Decision.Ineligible, Screener.Screen(Recommended, AmnestyApplicants.MilitiaMemberCase(date, violent: true)).Decision);

        // The plan's proposal has no ground for militias: carrying arms alone is not amnestied there.
        var proposal = RuleLibrary.LoadAll(RuleLibrary.Locate()).Single(r => r.Name == "proposal-2018");
        Assert.NotEqual(Decision.Eligible, Screener.Screen(proposal, AmnestyApplicants.MilitiaMemberCase(date, violent: false)).Decision);
    }
}
