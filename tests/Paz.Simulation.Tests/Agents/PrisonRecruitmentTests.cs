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

    // Recruits inside in 2019-2021, the baseline against the baseline switching to the change in December 2018.
    private static (double Before, double After) RecruitsInside(Func<Settings, Settings> change)
    {
        var weeks = CalibratedBaseline.WeeksThrough(2021);
        var asBefore = CalibratedBaseline.SwitchingTo(p => p);
        var changed = CalibratedBaseline.SwitchingTo(change);
        return (Sum(CalibratedBaseline.Engine.Run(asBefore.Timeline, weeks, Seed)), Sum(CalibratedBaseline.Engine.Run(changed.Timeline, weeks, Seed)));
    }

    private static double Sum(Paz.Simulation.Agents.ReplicateResult run) =>
        run.Metrics!.Rows().Where(r => r.Metric == "prison_recruits" && r.Level == MetricLevel.National && r.Year >= 2019).Sum(r => r.Value);

    // Poisson counts: the difference must exceed three standard errors of the difference.
    private static void AssertFewerBeyondNoise(double before, double after)
    {
        Assert.True(before > 0, "the baseline recruits nobody inside");
        Assert.True(before - after > 3 * Math.Sqrt(before + after), $"recruits inside 2019-2021: {before} as before, {after} after the change");
    }
}
