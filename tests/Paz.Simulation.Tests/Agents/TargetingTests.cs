using Paz.Simulation.Agents;
using Paz.Simulation.Systems;

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

    private static LineageOutcome Run(Policy policy, ulong seed, int weeks, EngineParameters? parameters = null)
    {
        var (engine, baseline) = (CalibratedBaseline.Engine, CalibratedBaseline.Scenario);
        var target = Cjng;
        LineageOutcome? last = null;
        engine.Run(parameters ?? baseline.Parameters, policy, weeks, seed, (_, world) =>
        {
            var lineage = Enumerable.Range(0, world.Groups).Where(g => TargetingSystem.Lineage(world, g) == target).ToList();
            last = new LineageOutcome(lineage.Sum(g => world.Killings[g]), lineage.Sum(g => world.GroupMembers[g]), lineage.Sum(g => world.GroupMiddle[g]), world.SweepsDone, world.SweepsFailed);
        });
        return last!;
    }

    private static Policy Targeted(Targeting targeting) => Policy.PenaNieto(CalibratedBaseline.Scenario.Parameters) with
    {
        Targeting = targeting,
        Priority = ["CJNG"],
        OnlyPriority = true,
        IntelligenceWeeks = 13,
    };

    [Fact]
    public void AMiddleLayerSweepLowersAGroupsHomicidesAndRegenerationMoreThanHighValueTargetingOverTwoYears()
    {
        var sweep = MoreSeeds.Select(s => Run(Targeted(Targeting.MiddleLayerSweep), s, TwoYears)).ToList();
        var highValue = MoreSeeds.Select(s => Run(Targeted(Targeting.HighValue), s, TwoYears)).ToList();
        Assert.All(sweep, o => Assert.True(o.SweepsDone > 0, "no sweep struck"));
        Paired.AssertLessWithMargin([.. sweep.Select(o => o.Killings)], [.. highValue.Select(o => o.Killings)], "CJNG lineage's killings");
        Paired.AssertLessWithMargin([.. sweep.Select(o => (double)o.Members)], [.. highValue.Select(o => (double)o.Members)], "CJNG lineage's members after two years (regeneration)");
    }

    [Fact]
    public void RaisingTheLeakRateMakesSweepsFailMoreOften()
    {
        double FailureShare(double leak, ulong seed)
        {
            var o = Run(Targeted(Targeting.MiddleLayerSweep) with { OnlyPriority = false }, seed, TwoYears, CalibratedBaseline.Scenario.Parameters with { IntelligenceLeak = leak });
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
            Run(Targeted(Targeting.MiddleLayerSweep) with { OnlyPriority = false, AntiCorruption = antiCorruption, ReformWeeks = 26 }, seed, TwoYears,
                CalibratedBaseline.Scenario.Parameters with { IntelligenceLeak = 0.1 }).SweepsFailed;
        Paired.AssertLessWithMargin([.. Seeds.Select(s => Failed(0.9, s))], [.. Seeds.Select(s => Failed(0, s))], "failed sweeps");
    }
}
