using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The consolidation explanation: a lopsided turf war ends with the weaker side gone, and the killing with it.</summary>
public class ConsolidationTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(Expansion.Chance, 0)
        .With(Succession.Promotion, 0)
        .With(TerritorialConflict.ConflictIntensity, 2e-3)
        .With(Consolidation.ConsolidationRate, 0.05);

    // Place 0 contested by group 0 (`strong` members) and group 1 (`weak`); group 1 also holds place 1 (200) unless
    // `cornered`. A year of conflict and consolidation; the conflict killings in place 0 in each half, and group 1's
    // free members left in place 0 at the end.
    private static (int FirstHalf, int SecondHalf, int WeakLeft) AYear(Explanation held, int strong, int weak, bool cornered, ulong seed)
    {
        var settings = Quiet.With(Explanations.InForce, (double)held);
        var world = cornered
            ? SmallWorld.With(2, (0, 0, strong, 20, 3), (1, 0, weak, 5, 3))
            : SmallWorld.With(2, (0, 0, strong, 20, 3), (1, 0, weak, 5, 3), (1, 1, 200, 20, 0));
        var context = SmallWorld.Context(world, settings, new Xoshiro256StarStar(seed));
        var conflict = new TerritorialConflict();
        var consolidation = new Consolidation();
        int first = 0, second = 0;
        for (var week = 0; week < 52; week++)
        {
            var before = context.Homicides[0];
            conflict.Step(context);
            consolidation.Step(context);
            if (week < 26)
            {
                first += context.Homicides[0] - before;
            }
            else
            {
                second += context.Homicides[0] - before;
            }

            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();
            context.NextWeek();
        }

        return (first, second, world.Free[world.CellOf(1, 0)]);
    }

    [Fact]
    public void TheWeakerSideOfALopsidedContestGivesThePlaceUpAndTheKillingThereStops()
    {
        int withFirst = 0, withSecond = 0, withoutSecond = 0;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var held = AYear(Explanation.Consolidation, 400, 40, cornered: false, seed);
            var notHeld = AYear(Explanation.None, 400, 40, cornered: false, seed);
            // A share of 40/440 gives the place up with probability 0.05 · 0.82 a week: after a year, in all but
            // about 12% of runs ((1 − 0.041)^52); the five seeds here all end without the weak side.
            Assert.Equal(0, held.WeakLeft);
            Assert.True(notHeld.WeakLeft > 0);
            withFirst += held.FirstHalf;
            withSecond += held.SecondHalf;
            withoutSecond += notHeld.SecondHalf;
        }

        // Once the place has one holder nobody fights over it: the second half-year kills far fewer with consolidation
        // than without, and fewer than its own first half.
        Assert.True(withSecond < withoutSecond / 2, $"second half: {withSecond} with consolidation, {withoutSecond} without");
        Assert.True(withSecond < withFirst, $"with consolidation: {withFirst} then {withSecond}");
    }

    [Fact]
    public void AnEvenContestGoesOnAndACorneredGroupStaysAndFights()
    {
        for (ulong seed = 1; seed <= 3; seed++)
        {
            Assert.True(AYear(Explanation.Consolidation, 300, 300, cornered: false, seed).WeakLeft > 0);
            Assert.True(AYear(Explanation.Consolidation, 400, 40, cornered: true, seed).WeakLeft > 0);
        }
    }

    [Fact]
    public void WithoutTheExplanationTheMechanismDrawsNothing()
    {
        var world = SmallWorld.With(2, (0, 0, 400, 20, 3), (1, 0, 40, 5, 3), (1, 1, 200, 20, 0));
        var context = SmallWorld.Context(world, Quiet.With(Explanations.InForce, (double)Explanation.Fragmentation), new Xoshiro256StarStar(9));
        new Consolidation().Step(context);
        Assert.Equal(new Xoshiro256StarStar(9).NextUInt64(), context.Random.NextUInt64());
    }
}
