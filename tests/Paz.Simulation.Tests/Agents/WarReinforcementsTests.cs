using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>War reinforcements: a side outnumbered on a front of a recorded war brings members there from the states where it fights none.</summary>
public class WarReinforcementsTests
{
    // Synthetic (SmallWorld.AtWar): the record has A at war with B in 2016 in state 0 only.
    private static EngineInputs Inputs() => SmallWorld.AtWar(3, new RecordedWar(2016, 0, 1, [0]));

    private static readonly Settings AtWar = Settings.Defaults.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2).With(WarReinforcements.Reinforcement, 0.1);

    private static Settings Holding(Settings settings, Explanation held) => settings.With(Explanations.InForce, (double)held);

    // The world after the first week of 2016's wars, only the wars and the reinforcements run.
    private static World AfterAWeek(Settings settings, params (int Group, int Place, int Members, int Middle, int Leaders)[] cells)
    {
        var world = SmallWorld.With(3, cells);
        world.Groups = 3;
        var context = WeekContext.For(world, Inputs(), settings, new Xoshiro256StarStar(1));
        new RecordedWars().Step(context);
        new WarReinforcements().Step(context);
        world.ApplyEvents(context.Random, context.Detention);
        world.FinishCensus();
        return world;
    }

    [Fact]
    public void ASideOutnumberedOnAFrontBringsATenthOfTheGapFromItsRearInAWeek()
    {
        // A: 300 at the front (place 0) against B's 400, 1,000 in its rear (place 1, no war there). The gap is 100.
        // B, the stronger side at the front, has 500 in its own rear (place 2).
        var world = AfterAWeek(Holding(AtWar, Explanation.Reinforcement), (0, 0, 300, 30, 1), (1, 0, 400, 40, 1), (0, 1, 1000, 100, 1), (1, 2, 500, 50, 1));
        Assert.InRange(world.FreeOf(0, 0), 301, 310); // 300 + 10, less a week's desistance
        Assert.InRange(world.FreeOf(0, 1), 975, 990);
        Assert.InRange(world.FreeOf(1, 2), 490, 500); // B sends no one
        Assert.InRange(world.FreeOf(1, 0), 390, 400);
    }

    [Fact]
    public void AFewGunmenInTheEnemysHeartlandDrawNoMoreThanTheyAre()
    {
        // A: 50 at the front against B's 2,000. The gap is 1,950, but A builds on its foothold: a tenth of its 50, not of the gap.
        var world = AfterAWeek(Holding(AtWar, Explanation.Reinforcement), (0, 0, 50, 5, 1), (1, 0, 2000, 200, 1), (0, 1, 1000, 100, 1));
        Assert.InRange(world.FreeOf(0, 0), 50, 55); // 50 + 5, less a week's desistance; 245 had the gap ruled
        Assert.InRange(world.FreeOf(0, 1), 985, 1000);
    }

    [Fact]
    public void WithoutTheExplanationOrAtARateOfZeroNobodyIsSentToTheFronts()
    {
        (int, int) Front(Settings settings)
        {
            var world = AfterAWeek(settings, (0, 0, 100, 10, 1), (1, 0, 400, 40, 1), (0, 1, 1000, 100, 1));
            return (world.FreeOf(0, 0), world.FreeOf(0, 1));
        }

        var unheld = Front(AtWar);
        Assert.Equal(unheld, Front(Holding(AtWar, Explanation.Reinforcement).With(WarReinforcements.Reinforcement, 0)));
        Assert.InRange(unheld.Item2, 990, 1000);
    }

    [Fact]
    public void ASideWithNoRearOrNoOneAtTheFrontSendsNone()
    {
        var held = Holding(AtWar, Explanation.Reinforcement);

        // A has no one at the front (state 0), its members all in its rear (state 2): bringing the first is the recorded
        // wars' arrival (war_arrival, here 0), not a reinforcement.
        var absent = AfterAWeek(held.With(RecordedWars.WarArrival, 0), (1, 0, 400, 40, 1), (0, 2, 1000, 100, 1));
        Assert.Equal(0, absent.FreeOf(0, 0));

        // A wholly at the front, however outnumbered: no rear to bring anyone from.
        var cornered = AfterAWeek(held, (0, 0, 100, 10, 1), (1, 0, 400, 40, 1));
        Assert.InRange(cornered.FreeOf(0, 0), 95, 100);
    }

    [Fact]
    public void AYoungFrontDrawsReinforcementsAsItFights()
    {
        // Under lifecycle, a front in its first week fights at g = 0.38 of its peak (3 years): 0.1 · 0.38 · 300 = 11 members.
        var young = Holding(AtWar.With(RecordedWars.WarPeakAge, 3), Explanation.Reinforcement | Explanation.Lifecycle);
        var world = AfterAWeek(young, (0, 0, 300, 30, 1), (1, 0, 600, 60, 1), (0, 1, 1000, 100, 1));
        Assert.InRange(world.FreeOf(0, 0), 302, 311); // 300 + 11, less a week's desistance
    }
}
