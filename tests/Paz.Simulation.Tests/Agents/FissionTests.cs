using Paz.Core.Randomness;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Fission: large groups break apart without a capture, where the explanation is held.</summary>
public class FissionTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(Expansion.Chance, 0)
        .With(Succession.Promotion, 0) // the middle layer stays as built
        .With(Fission.FissionRate, 0.01);

    // Splits over two years of a led group (middle layer as given in each of three places), no leader ever removed.
    private static (int Splits, int Groups) TwoYears(Explanation held, int middle, ulong seed)
    {
        var settings = Quiet.With(Explanations.InForce, (double)held);
        var world = SmallWorld.With(3, (0, 0, 300, middle, 3), (0, 1, 300, middle, 0), (0, 2, 300, middle, 0));
        var context = SmallWorld.Context(world, settings, new Xoshiro256StarStar(seed));
        var succession = new Succession();
        var fission = new Fission();
        for (var week = 0; week < 104; week++)
        {
            succession.Step(context);
            fission.Step(context);
            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();
            context.NextWeek();
        }

        return (context.Splits, world.Groups);
    }

    [Fact]
    public void WithFissionHeldALargeGroupSplitsWithoutACaptureAndTheSplintersTakeMembers()
    {
        var splits = 0;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var (s, groups) = TwoYears(Explanation.Fission, 30, seed);
            Assert.Equal(1 + s, groups);
            splits += s;
        }

        // 104 weeks × 0.01 × 30/50 ≈ 0.62 splits a seed at the start, more as splinters split in turn.
        Assert.True(splits >= 2, $"{splits} splits in five seeds of two years");
    }

    [Fact]
    public void WithoutTheExplanationNoGroupSplitsAndTheMechanismDrawsNothing()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var without = TwoYears(Explanation.Fragmentation, 30, seed);
            Assert.Equal(0, without.Splits);
            Assert.Equal(1, without.Groups);
        }

        // Runs without fission are the runs of before: the same seed leaves the random stream where the other mechanisms left it.
        var settings = Quiet.With(Explanations.InForce, (double)Explanation.Fragmentation);
        var world = SmallWorld.With(1, (0, 0, 300, 30, 3));
        var context = SmallWorld.Context(world, settings, new Xoshiro256StarStar(9));
        new Fission().Step(context);
        Assert.Equal(new Xoshiro256StarStar(9).NextUInt64(), context.Random.NextUInt64());
    }

    [Fact]
    public void AGroupWithALargerMiddleLayerSplitsMoreOften()
    {
        int Splits(int middle) => Enumerable.Range(1, 12).Sum(seed => TwoYears(Explanation.Fission, middle, (ulong)seed).Splits);
        var small = Splits(1);
        var large = Splits(60);
        Assert.True(large > small + (2 * Math.Sqrt(large + small)), $"splits in twelve seeds: middle layers of 60 {large}, of 1 {small} in each place");
    }
}
