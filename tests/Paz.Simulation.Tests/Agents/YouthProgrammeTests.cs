using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Youth programmes shield the young men they enrol: where the money goes, whether police work with it, and whether it lasts.</summary>
public class YouthProgrammeTests
{
    private const ulong Seed = 11;
    private const int Enrolled = 300_000;

    private static Settings Programme(Settings p, string targeting, bool integrated) =>
        p.With(YouthProgrammes.Beneficiaries, Enrolled).With(YouthProgrammes.Targeting, targeting == "violence" ? 1 : 0).With(YouthProgrammes.Integrated, integrated ? 1 : 0);

    private static double Metric(ReplicateResult run, string metric, int first, int last) =>
        run.Metrics!.Rows().Where(r => r.Metric == metric && r.Level == MetricLevel.National && r.Year >= first && r.Year <= last).Sum(r => r.Value);

    // Recruits are counted by municipality.
    private static double Recruits(ReplicateResult run, int first, int last) =>
        run.Metrics!.Rows().Where(r => r.Metric == "recruits" && r.Level == MetricLevel.Municipality && r.Year >= first && r.Year <= last).Sum(r => r.Value);

    private static ReplicateResult Run(AgentScenario scenario, int through) => CalibratedBaseline.Engine.Run(scenario.Timeline, CalibratedBaseline.WeeksThrough(through), Seed);

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void AProgrammeConcentratedInViolentPlacesAndIntegratedWithPolicingAvertsMoreRecruitsPerPesoThanTheSameMoneySpreadByPoverty()
    {
        var none = Run(CalibratedBaseline.SwitchingTo(p => p), 2020);
        var focused = Run(CalibratedBaseline.SwitchingTo(p => Programme(p, "violence", integrated: true)), 2020);
        var spread = Run(CalibratedBaseline.SwitchingTo(p => Programme(p, "poverty", integrated: false)), 2020);

        // The same money: the same young men enrolled at the same stipend.
        var cost = Metric(focused, "youth_programme_cost", 2019, 2020);
        Assert.Equal(cost, Metric(spread, "youth_programme_cost", 2019, 2020), 6);
        Assert.True(cost > 0);

        // Recruits averted per peso: the shield where the groups recruit (expected, week by week) ...
        var focusedAverted = Metric(focused, "youth_recruits_averted", 2019, 2020);
        var spreadAverted = Metric(spread, "youth_recruits_averted", 2019, 2020);
        Assert.True(focusedAverted > 2 * spreadAverted, $"averted 2019-2020: {focusedAverted:N0} focused and integrated, {spreadAverted:N0} spread by poverty, for {cost:N0} pesos each");

        // ... and in the recruits the runs counted, against no programme on the same seed, beyond Poisson noise.
        double before = Recruits(none, 2019, 2020), after = Recruits(focused, 2019, 2020);
        Assert.True(before - after > 3 * Math.Sqrt(before + after), $"recruits 2019-2020: {before:N0} without a programme, {after:N0} with the focused one");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void CuttingAProgrammeAfterTwoYearsLosesMostOfItsEffect()
    {
        var sustained = CalibratedBaseline.SwitchingTo(p => Programme(p, "violence", integrated: true));
        var cut = CalibratedBaseline.Resolve(sustained with { Timeline = sustained.Timeline.Then(new DateOnly(2020, 12, 1), p => p.With(YouthProgrammes.Beneficiaries, 0)) });
        var kept = Run(sustained, 2023);
        var ended = Run(cut, 2023);

        // While both run, they shield alike; two years after the cut most of the shield is gone, and so is what it averted.
        Assert.Equal(Metric(kept, "youth_shielded", 2019, 2019), Metric(ended, "youth_shielded", 2019, 2019), 6);
        var keptShield = Metric(kept, "youth_shielded", 2023, 2023);
        var endedShield = Metric(ended, "youth_shielded", 2023, 2023);
        Assert.True(endedShield < 0.25 * keptShield, $"shield in 2023: {endedShield:N0} young men after the cut, {keptShield:N0} sustained");
        Assert.True(Metric(ended, "youth_recruits_averted", 2022, 2023) < 0.5 * Metric(kept, "youth_recruits_averted", 2022, 2023));
        Assert.Equal(0, Metric(ended, "youth_programme_cost", 2021, 2023));
    }

    [Fact]
    public void WithoutAProgrammeNothingIsSpentAndNothingAverted()
    {
        var run = Run(CalibratedBaseline.SwitchingTo(p => p), 2019);
        Assert.Equal(0, Metric(run, "youth_programme_cost", 2015, 2019));
        Assert.Equal(0, Metric(run, "youth_recruits_averted", 2015, 2019));
    }
}
