using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>War mobilization: a group the record shows at war recruits faster where it fights, and only there.</summary>
public class WarMobilizationTests
{
    // Synthetic (SmallWorld.AtWar): the record has A at war with B in 2016 in both states.
    private static EngineInputs Inputs() => SmallWorld.AtWar(2, new RecordedWar(2016, 0, 1, [0, 1]));

    // Recruits of each group (A, B, C) over 1,500 independent weeks: A and B meet in place 0, A and C in place 1.
    private static double[] Recruits(Settings settings, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var recruits = new double[3];
        for (var week = 0; week < 1500; week++)
        {
            var world = SmallWorld.With(2, (0, 0, 400, 40, 1), (1, 0, 400, 40, 1), (0, 1, 400, 40, 1), (2, 1, 400, 40, 1));
            var before = world.GroupMembers.Take(3).ToArray();
            var context = WeekContext.For(world, Inputs(), settings, random);
            new RecordedWars().Step(context);
            new WarMobilization().Step(context);
            var recruitment = new Recruitment();
            recruitment.Start(context);
            recruitment.Step(context);
            for (var g = 0; g < 3; g++)
            {
                recruits[g] += world.GroupMembers[g] - before[g];
            }
        }

        return recruits;
    }

    private static readonly Settings AtWar = Settings.Defaults.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2);

    private static Settings Mobilized(Settings settings, double mobilization) =>
        settings.With(WarMobilization.Mobilization, mobilization).With(Explanations.InForce, (double)(settings.Choice<Explanation>(Explanations.InForce) | Explanation.Mobilization));

    [Fact]
    public void AGroupAtWarRecruitsOnePlusTheMobilizationTimesFasterAndAGroupAtPeaceAsBefore()
    {
        var peace = Recruits(AtWar, seed: 7);
        var mobilized = Recruits(Mobilized(AtWar, 2), seed: 7);

        // A (at war in both places) and B (at war in place 0) recruit three times as fast; C, at war with no one, as before.
        Assert.InRange(mobilized[0] / peace[0], 2.7, 3.3);
        Assert.InRange(mobilized[1] / peace[1], 2.7, 3.3);
        Assert.InRange(mobilized[2] / peace[2], 0.85, 1.15);
        Assert.True(peace[2] > 300, $"C's recruits in 1,500 weeks: {peace[2]}");
    }

    [Fact]
    public void WithoutARecordedWarOrTheExplanationMobilizationChangesNothing()
    {
        Assert.Equal(Recruits(Settings.Defaults, seed: 3), Recruits(Mobilized(Settings.Defaults, 2), seed: 3));
        Assert.Equal(Recruits(AtWar, seed: 3), Recruits(AtWar.With(WarMobilization.Mobilization, 2), seed: 3));
    }

    [Fact]
    public void MobilizationFollowsTheFrontsLifeCycle()
    {
        // A front in its first weeks fights at g = 0.38 of its peak (a peak at 3 years): recruitment rises by 1 + 2 · 0.38.
        var young = AtWar.With(RecordedWars.WarPeakAge, 3).With(Explanations.InForce, (double)Explanation.Lifecycle);
        var peace = Recruits(young, seed: 5);
        var mobilized = Recruits(Mobilized(young, 2), seed: 5);
        Assert.InRange(mobilized[0] / peace[0], 1.77 * 0.9, 1.77 * 1.1);
    }
}
