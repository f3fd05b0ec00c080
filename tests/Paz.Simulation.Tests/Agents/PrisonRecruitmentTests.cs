using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Groups recruit the people held in prisons, more where inmates govern and prisons are crowded.</summary>
public class PrisonRecruitmentTests
{
    private const ulong Seed = 5;

    [Fact]
    public void RetakingSelfGovernedPrisonsLowersRecruitmentInside()
    {
        var (before, after) = RecruitsInside(p => p.With(PrisonRecruitment.Retaken, 1));
        AssertFewerBeyondNoise(before, after);
    }

    [Fact]
    public void SeparatingPretrialDetaineesLowersRecruitmentInside()
    {
        var (before, after) = RecruitsInside(p => p.With(PrisonRecruitment.PretrialSeparation, 1));
        AssertFewerBeyondNoise(before, after);
    }

    [Fact]
    public void LessPretrialDetentionLowersRecruitmentInsideThroughFewerAndLessCrowdedPrisoners()
    {
        var (before, after) = RecruitsInside(p => p.With(Prisons.PretrialDetention, 0.3));
        AssertFewerBeyondNoise(before, after);
    }

    [Fact]
    public void AtARateOfZeroNobodyIsRecruitedInside()
    {
        var (_, after) = RecruitsInside(p => p.With(PrisonRecruitment.Rate, 0));
        Assert.Equal(0, after);
    }

    // The plan-start world (prisons as the census found them, a fifth of the cost of a run from 2015) under the
    // baseline's December 2018 settings: one run as before, shared by the tests.
    private static readonly Lazy<double> AsBefore = new(() => Sum(PlanStartWorld.Run(PlanStartWorld.Policy(), 2021, Seed)));

    // Recruits inside in 2019-2021, the baseline's settings against the same settings changed from the start.
    private static (double Before, double After) RecruitsInside(Func<Settings, Settings> change) =>
        (AsBefore.Value, Sum(PlanStartWorld.Run(Timeline.Constant(change(PlanStartWorld.Settings)), 2021, Seed)));

    private static double Sum(Paz.Simulation.Agents.ReplicateResult run) =>
        run.Metrics!.Rows().Where(r => r.Metric == "prison_recruits" && r.Level == MetricLevel.National && r.Year >= 2019).Sum(r => r.Value);

    // Poisson counts: the difference must exceed three standard errors of the difference.
    private static void AssertFewerBeyondNoise(double before, double after)
    {
        Assert.True(before > 0, "the baseline recruits nobody inside");
        Assert.True(before - after > 3 * Math.Sqrt(before + after), $"recruits inside 2019-2021: {before} as before, {after} after the change");
    }
}
