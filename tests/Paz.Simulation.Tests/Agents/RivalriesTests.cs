using CsCheck;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Rivalry classes: groups that stand alike toward every other group, so conflict sums over classes, not pairs.</summary>
public class RivalriesTests
{
    [Fact]
    public void ALineageOfAHundredSplintersIsOneClassAndEveryPairKeepsItsWeight()
    {
        var rivalries = new Rivalries(110);
        rivalries.Set(0, 1, 3);
        rivalries.Set(0, 2, 1);
        rivalries.Set(1, 2, 2);
        var random = new Random(7);
        for (var splinter = 3; splinter < 103; splinter++)
        {
            var parent = splinter == 3 ? 0 : random.Next(3, splinter); // splinters of splinters, all of group 0's lineage
            rivalries.Inherit(splinter, parent, 5);
        }

        var classes = Enumerable.Range(0, 103).Select(g => rivalries.ClassOf[g]).Distinct().Count();
        Assert.Equal(3, classes);
        Assert.True(rivalries.AgreesWithPairs(103));
        Assert.Equal(5, rivalries.Of(0, 57));
        Assert.Equal(5, rivalries.Of(40, 90));
        Assert.Equal(3, rivalries.Of(90, 1));
        Assert.Equal(1, rivalries.Of(2, 40));
    }

    [Fact]
    public void ARecordedBreakawayLeavesItsLineagesClassAndItsOldTiesStay()
    {
        var rivalries = new Rivalries(10);
        rivalries.Set(0, 1, 2);
        rivalries.Inherit(3, 0, 5); // group 0's lineage: 0 and 3
        rivalries.Set(1, 0, 5); // group 1 breaks away from 0: its tie to 0 changes, not its tie to 3
        Assert.NotEqual(rivalries.ClassOf[0], rivalries.ClassOf[3]);
        Assert.Equal(5, rivalries.Of(0, 1));
        Assert.Equal(2, rivalries.Of(3, 1));
        Assert.Equal(5, rivalries.Of(0, 3));
        Assert.True(rivalries.AgreesWithPairs(4));
    }

    [Fact]
    public void AnySequenceOfSplitsAndNewWeightsKeepsTheClassesTrueToThePairs()
    {
        var operation = Gen.Select(Gen.Bool, Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 3].Select(i => new[] { 0.0, 1.0, 2.0, 5.0 }[i]));
        Gen.Select(Gen.Int[2, 6], operation.Array[1, 60]).Sample((founders, operations) =>
        {
            var rivalries = new Rivalries(70);
            var groups = founders;
            foreach (var (split, x, y, weight) in operations)
            {
                if (split && groups < 70)
                {
                    var parent = x % groups;
                    rivalries.Inherit(groups, parent, weight == 0 ? 5 : weight);
                    groups++;
                }
                else if (x % groups != y % groups)
                {
                    rivalries.Set(x % groups, y % groups, weight);
                }
            }

            return rivalries.AgreesWithPairs(groups);
        });
    }

    [Fact]
    public void ASplinterStandsAsItsParentDidTowardEveryoneButItsParent()
    {
        var rivalries = new Rivalries(8);
        rivalries.Set(0, 1, 2);
        rivalries.Set(0, 2, 4);
        rivalries.Inherit(3, 0, 5);
        rivalries.Set(3, 0, 1); // the pair weighs otherwise than the lineage now: both leave the class
        rivalries.Inherit(4, 3, 5);
        Assert.Equal(2, rivalries.Of(4, 1));
        Assert.Equal(4, rivalries.Of(4, 2));
        Assert.Equal(1, rivalries.Of(4, 0));
        Assert.Equal(5, rivalries.Of(4, 3));
        Assert.True(rivalries.AgreesWithPairs(5));
    }
}
