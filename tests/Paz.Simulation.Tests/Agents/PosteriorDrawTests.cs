using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Inference;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Replicates drawing their parameters from a posterior.</summary>
public sealed class PosteriorDrawTests
{
    private static PosteriorSample TwoParticles(double lowWeight) => new(
        "test", [new FreeParameter("recruitment", Prior.Uniform(0.0015, 0.0035))], 9, 2, 0.5, 100,
        new AbcGeneration(3, 1, [new AbcParticle([0.1], lowWeight, 0.5, 1), new AbcParticle([0.9], 1 - lowWeight, 0.5, 2)], 50));

    [Fact]
    public void ReplicatesDrawParticlesInProportionToTheirWeightsAndRunTheirValues()
    {
        var posterior = TwoParticles(0.8);
        var low = Enumerable.Range(0, 2000).Count(k => posterior.ParticleFor(k) == 0);
        Assert.InRange(low, 1500, 1700); // 80% of 2,000
        var timeline = CalibratedBaseline.Scenario.Timeline;
        var k0 = Enumerable.Range(0, 50).First(k => posterior.ParticleFor(k) == 0);
        var k1 = Enumerable.Range(0, 50).First(k => posterior.ParticleFor(k) == 1);
        Assert.Equal(0.0017, posterior.TimelineFor(timeline, k0).First.Get("recruitment"), 1e-12);
        Assert.Equal(0.0033, posterior.TimelineFor(timeline, k1).First.Get("recruitment"), 1e-12);
    }

    [Fact]
    public void ReplicateKDrawsTheSameParticleWhateverTheScenarioSoDifferencesArePaired()
    {
        var posterior = TwoParticles(0.5);
        var baseline = CalibratedBaseline.Scenario.Timeline;
        var other = CalibratedBaseline.SwitchingTo(s => s.With("arrests_per_week", 140)).Timeline;
        for (var k = 0; k < 20; k++)
        {
            Assert.Equal(posterior.TimelineFor(baseline, k).First.Get("recruitment"), posterior.TimelineFor(other, k).First.Get("recruitment"));
        }
    }

    [Fact]
    public void ParametersLeftOutOfTheInferenceAreDrawnFromTheirPriorsPerReplicateAndPairedAcrossScenarios()
    {
        var posterior = TwoParticles(0.5) with { FromPrior = [new FreeParameter("guard_deterrence", Prior.Uniform(0, 0.8))] };
        var baseline = CalibratedBaseline.Scenario.Timeline;
        var other = CalibratedBaseline.SwitchingTo(s => s.With("arrests_per_week", 140)).Timeline;
        var drawn = Enumerable.Range(0, 400).Select(k => posterior.TimelineFor(baseline, k).First.Get("guard_deterrence")).ToList();
        Assert.All(drawn, d => Assert.InRange(d, 0, 0.8));
        Assert.InRange(drawn.Average(), 0.36, 0.44); // the prior's mean, 0.4
        Assert.InRange(drawn.Count(d => d < 0.2), 80, 120); // a quarter of the prior below 0.2
        for (var k = 0; k < 20; k++)
        {
            Assert.Equal(drawn[k], posterior.TimelineFor(other, k).First.Get("guard_deterrence"));
            Assert.Equal(posterior.TimelineFor(baseline, k).First.Get("recruitment"), TwoParticles(0.5).TimelineFor(baseline, k).First.Get("recruitment")); // the particle's pick is unchanged
        }
    }

    [Fact]
    public void APosteriorNamesTheDrawnParametersAScenarioChangesOnADate()
    {
        var posterior = TwoParticles(0.5) with { FromPrior = [new FreeParameter("guard_deterrence", Prior.Uniform(0, 0.8))] };
        Assert.Empty(posterior.ChangedOnADate(CalibratedBaseline.Scenario.Timeline));
        Assert.Equal(["recruitment"], posterior.ChangedOnADate(CalibratedBaseline.SwitchingTo(s => s.With("recruitment", 0.003)).Timeline));
        Assert.Equal(["guard_deterrence"], posterior.ChangedOnADate(CalibratedBaseline.SwitchingTo(s => s.With("guard_deterrence", 0.123)).Timeline));
    }
}
