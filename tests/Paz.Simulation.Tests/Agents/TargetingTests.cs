using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// Targeting strategies on the calibrated baseline, with fixed seeds. Each comparison pairs runs by seed
/// and asserts the direction with a margin computed from the runs: the mean paired difference must
/// exceed twice its standard error.
/// </summary>
public class TargetingTests
{
    private static readonly ulong[] Seeds = [101, 102, 103, 104, 105, 106];

    // Regeneration differs by a few percent of a lineage of 20,000: twelve pairs to see it through the noise.
    private static readonly ulong[] MoreSeeds = [.. Seeds, 107, 108, 109, 110, 111, 112];

    private const int TwoYears = 104;

    private static int Cjng => CalibratedBaseline.Engine.Inputs.Network.IndexOf("CJNG");

    /// <summary>What a run did to one group's lineage (the group and its splinters).</summary>
    private sealed record LineageOutcome(double Killings, int Members, int Middle, int SweepsDone, int SweepsFailed);

    private static LineageOutcome Run(Settings settings, ulong seed, int weeks)
    {
        var engine = CalibratedBaseline.Engine;
        var target = Cjng;
        (double Killings, int Members, int Middle) last = default;
        var run = engine.Run(settings, weeks, seed, (_, world) =>
        {
            var lineage = Enumerable.Range(0, world.Groups).Where(g => world.LineageOf(g) == target).ToList();
            last = (lineage.Sum(g => world.Killings[g]), lineage.Sum(g => world.GroupMembers[g]), lineage.Sum(g => world.GroupMiddle[g]));
        });
        int Last(MetricSpec metric) => (int)run.Metrics!.Weekly(metric.Name)![^1];
        return new LineageOutcome(last.Killings, last.Members, last.Middle, Last(Targeting.SweepsDone), Last(Targeting.SweepsFailed));
    }

    private static Settings Targeted(TargetingStrategy targeting) => CalibratedBaseline.Scenario.Settings
        .With(Targeting.Strategy, targeting)
        .With(Targeting.Priority, ["CJNG"])
        .With(Targeting.OnlyPriority, true)
        .With(Targeting.IntelligenceWeeks, 13);

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void AMiddleLayerSweepLowersAGroupsHomicidesAndRegenerationMoreThanHighValueTargetingOverTwoYears()
    {
        var sweep = MoreSeeds.Select(s => Run(Targeted(TargetingStrategy.MiddleLayerSweep), s, TwoYears)).ToList();
        var highValue = MoreSeeds.Select(s => Run(Targeted(TargetingStrategy.HighValue), s, TwoYears)).ToList();
        Assert.All(sweep, o => Assert.True(o.SweepsDone > 0, "no sweep struck"));
        Paired.AssertLessWithMargin([.. sweep.Select(o => o.Killings)], [.. highValue.Select(o => o.Killings)], "CJNG lineage's killings");
        Paired.AssertLessWithMargin([.. sweep.Select(o => (double)o.Members)], [.. highValue.Select(o => (double)o.Members)], "CJNG lineage's members after two years (regeneration)");
    }

    [Fact]
    public void RaisingTheLeakRateMakesSweepsFailMoreOften()
    {
        double FailureShare(double leak, ulong seed)
        {
            var o = Run(Targeted(TargetingStrategy.MiddleLayerSweep).With(Targeting.OnlyPriority, false).With(Targeting.IntelligenceLeak, leak), seed, TwoYears);
            return o.SweepsFailed / (double)Math.Max(1, o.SweepsFailed + o.SweepsDone);
        }

        var clean = Seeds.Select(s => FailureShare(0.01, s)).ToList();
        var corrupt = Seeds.Select(s => FailureShare(0.10, s)).ToList();
        Paired.AssertLessWithMargin(clean, corrupt, "share of sweeps that went cold");
    }

    [Fact]
    public void AntiCorruptionMakesSweepsFailLessOften()
    {
        double Failed(double antiCorruption, ulong seed) =>
            Run(Targeted(TargetingStrategy.MiddleLayerSweep).With(Targeting.OnlyPriority, false).With(ReformLevers.AntiCorruption, antiCorruption).With(ReformLevers.ReformWeeks, 26)
                .With(Targeting.IntelligenceLeak, 0.1), seed, TwoYears).SweepsFailed;
        Paired.AssertLessWithMargin([.. Seeds.Select(s => Failed(0.9, s))], [.. Seeds.Select(s => Failed(0, s))], "failed sweeps");
    }

    // Killings attributed to every group since the start, week by week.
    private static double[] KillingsByWeek(Settings settings, ulong seed, int weeks)
    {
        var byWeek = new double[weeks];
        CalibratedBaseline.Engine.Run(settings, weeks, seed, (week, world) =>
        {
            if (week < weeks)
            {
                byWeek[week] = world.Killings.AsSpan(0, world.Groups).ToArray().Sum();
            }
        });
        return byWeek;
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void AnnouncingMostViolentFirstWithoutEverStrikingDetersNoOne()
    {
        // No sweeps and no leaders removed: the rule is announced and never carried out.
        var none = CalibratedBaseline.Scenario.Settings.With(Targeting.Strategy, TargetingStrategy.None);
        var announced = none.With(Targeting.Strategy, TargetingStrategy.MostViolentFirst).With(Targeting.Priority, ["CJNG"]);
        Assert.Equal(KillingsByWeek(none, 301, 26), KillingsByWeek(announced, 301, 26));
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void MostViolentFirstRestrainsTheOtherGroupsOnlyOnceASweepHasStruck()
    {
        const int Weeks = 40, Strike = 13;
        var sweeps = Targeted(TargetingStrategy.MiddleLayerSweep).With(Targeting.IntelligenceLeak, 0).With(Targeting.LeaderRemovalsPerWeek, 0);
        var ruled = sweeps.With(Targeting.Strategy, TargetingStrategy.MiddleLayerSweep | TargetingStrategy.MostViolentFirst);
        var after = new List<double>();
        var without = new List<double>();
        foreach (var seed in Seeds)
        {
            var plain = KillingsByWeek(sweeps, seed, Weeks);
            var deterred = KillingsByWeek(ruled, seed, Weeks);
            // Until the first sweep strikes (13 weeks of intelligence, none leaked) the two runs are the same run.
            Assert.Equal(plain[..Strike], deterred[..Strike]);
            after.Add(deterred[^1] - deterred[Strike]);
            without.Add(plain[^1] - plain[Strike]);
        }

        Paired.AssertLessWithMargin(after, without, "killings after the first sweep");
    }
}
