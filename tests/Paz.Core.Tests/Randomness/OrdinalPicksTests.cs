using Paz.Core.Randomness;

namespace Paz.Core.Tests.Randomness;

public class OrdinalPicksTests
{
    // Both ways of choosing: Floyd's draws for a few picks, selection sampling for many.
    [Theory]
    [InlineData(3, 10)]
    [InlineData(60, 150)]
    public void EveryRankIsPickedEquallyOften(int count, int n)
    {
        var random = new Xoshiro256StarStar(11);
        var picks = new OrdinalPicks(1);
        var hits = new int[n];
        const int Trials = 20_000;
        for (var t = 0; t < Trials; t++)
        {
            picks.Clear();
            for (var rank = picks.Choose(0, count, n, random); rank != int.MaxValue; rank = picks.Next(0))
            {
                hits[rank]++;
            }
        }

        // Each rank is picked with probability count/n; four standard errors either side.
        var p = count / (double)n;
        var margin = 4 * Math.Sqrt(Trials * p * (1 - p));
        Assert.All(hits, h => Assert.InRange(h, (Trials * p) - margin, (Trials * p) + margin));
        Assert.Equal((long)Trials * count, hits.Sum(h => (long)h));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(7, 1000)]
    [InlineData(200, 400)]
    public void PicksComeOutDistinctInIncreasingOrderAndPerKey(int count, int n)
    {
        var random = new Xoshiro256StarStar(5);
        var picks = new OrdinalPicks(2);
        var first = new List<int> { picks.Choose(0, count, n, random) };
        var second = new List<int> { picks.Choose(1, 1, 3, random) };
        for (var rank = picks.Next(0); rank != int.MaxValue; rank = picks.Next(0))
        {
            first.Add(rank);
        }

        Assert.Equal(count, first.Count);
        Assert.All(first, r => Assert.InRange(r, 0, n - 1));
        Assert.Equal(first.Order(), first);
        Assert.Equal(count, first.Distinct().Count());
        Assert.Equal(int.MaxValue, picks.Next(1)); // the other key had one pick, already handed out
        Assert.Single(second);
    }

    [Fact]
    public void MorePicksThanRanksAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrdinalPicks(1).Choose(0, 4, 3, new Xoshiro256StarStar(1)));
}
