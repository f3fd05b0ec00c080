using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Sensitivity;
using Paz.Core.Randomness;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Sensitivity designs run through the engine on the calibrated 2015 baseline.</summary>
public sealed class EngineSensitivityTests
{
    private static FreeParameter Factor(string name) => new(name, Declarations.All.Single(s => s.Name == name).Prior!);

    [Fact]
    public void MorrisGivesNoEffectToTheGuardsDeterrenceBeforeThereIsAGuardAndAnEffectToRecruitment()
    {
        IReadOnlyList<FreeParameter> factors = [Factor("guard_deterrence"), Factor("recruitment")];
        var design = MorrisScreening.Design(factors.Count, 2, 4, new Xoshiro256StarStar(7));
        var outputs = EngineSensitivity.Evaluate(CalibratedBaseline.Engine, CalibratedBaseline.Scenario.Timeline, factors, design, 2015, 1, 7, 2);
        var indices = MorrisScreening.Indices([.. factors.Select(f => f.Name)], design, outputs, 4);
        Assert.Equal(0, indices[0].MuStar); // common seeds: a parameter nothing reads changes not one homicide
        Assert.True(indices[1].MuStar > 0, $"recruitment: mu* {indices[1].MuStar}");
    }

    [Fact]
    public void TheOutputsAreTheSameOnOneThreadAndOnTwo()
    {
        IReadOnlyList<FreeParameter> factors = [Factor("recruitment"), Factor("conflict_intensity")];
        var design = SobolIndices.Design(factors.Count, 2, new Xoshiro256StarStar(3));
        var one = EngineSensitivity.Evaluate(CalibratedBaseline.Engine, CalibratedBaseline.Scenario.Timeline, factors, design, 2015, 1, 3, 1);
        var two = EngineSensitivity.Evaluate(CalibratedBaseline.Engine, CalibratedBaseline.Scenario.Timeline, factors, design, 2015, 1, 3, 2);
        Assert.Equal(one, two);
        Assert.True(one.Distinct().Count() > 1, "the points differ, so the check compares something");
    }

    [Fact]
    public void ThePromisesProbabilityFallsAsTheBaselineRateRisesAndIgnoresTheGuardBeforeThereIsOne()
    {
        // A synthetic world of four places of 100,000 (not real data): 4 per 100,000 is 16 homicides a year, and only
        // homicides not tied to organizations happen (no members).
        var engine = new CriminalMarketEngine(SmallWorld.Inputs(4));
        var timeline = Timeline.Constant(Settings.Defaults.With(WorldParameters.InitialMembers, 0));
        IReadOnlyList<FreeParameter> factors = [Factor("guard_deterrence"), Factor("baseline_rate")];
        double[][] design = [[0.5, 0.1], [0.5, 0.9], [0.9, 0.1]]; // baseline 1.2 and 10.8 per 100,000; the Guard's deterrence moved
        var term = new SensitivityTerm(engine, timeline, 1);
        var probability = EngineSensitivity.Evaluate([term], factors, design, 2015, 20, 5, 2, null, SensitivityOutput.MeetsPromise);
        Assert.True(probability[0] > 0.9 && probability[1] < 0.1, $"{probability[0]} at 1.2 per 100,000, {probability[1]} at 10.8");
        Assert.Equal(probability[0], probability[2]);
        var homicides = EngineSensitivity.Evaluate([term], factors, design, 2015, 20, 5, 2, null, SensitivityOutput.Homicides);
        Assert.InRange(homicides[1], 35, 52); // about 43 a year at 10.8 per 100,000
    }
}
