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
}
