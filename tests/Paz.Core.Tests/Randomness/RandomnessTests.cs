using CsCheck;
using Paz.Core.Randomness;

namespace Paz.Core.Tests.Randomness;

public class RandomnessTests
{
    [Fact]
    public void Xoshiro256StarStarMatchesTheReferenceImplementation()
    {
        // Reference outputs of Blackman & Vigna's xoshiro256starstar.c from state {1, 2, 3, 4}.
        var random = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.Equal(11520UL, random.NextUInt64());
        Assert.Equal(0UL, random.NextUInt64());
        Assert.Equal(1509978240UL, random.NextUInt64());
        Assert.Equal(1215971899390074240UL, random.NextUInt64());
    }

    [Fact]
    public void TheSameSeedGivesTheSameStream()
    {
        var a = new Xoshiro256StarStar(2018);
        var b = new Xoshiro256StarStar(2018);
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Theory]
    [InlineData(3.5)]
    [InlineData(29.9)]
    [InlineData(30)]
    [InlineData(766.7)]
    [InlineData(24_000)]
    public void PoissonDrawsHaveTheRightMeanAndVariance(double lambda)
    {
        var random = new Xoshiro256StarStar(42);
        const int n = 40_000;
        var draws = Enumerable.Range(0, n).Select(_ => (double)random.Poisson(lambda)).ToArray();
        var mean = draws.Average();
        var variance = draws.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        Assert.InRange(mean, lambda - (5 * Math.Sqrt(lambda / n)), lambda + (5 * Math.Sqrt(lambda / n)));
        Assert.InRange(variance / lambda, 0.95, 1.05);
    }

    [Fact]
    public void NextIntStaysInRangeAndCoversIt()
    {
        var random = new Xoshiro256StarStar(1);
        var seen = new int[7];
        for (var i = 0; i < 7000; i++)
        {
            seen[random.NextInt(7)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void ScatteredPoissonCountsHaveEachItemsMeanAndVariance()
    {
        // Splitting one Poisson total over items in proportion to their rates gives independent Poisson
        // counts: each item's mean and variance equal its rate, and an item with rate 0 never gets one.
        double[] rates = [0.05, 0, 2.5, 0.4, 7];
        var random = new Xoshiro256StarStar(42);
        const int draws = 40_000;
        var sums = new double[rates.Length];
        var squares = new double[rates.Length];
        var counts = new int[rates.Length];
        var hits = new ScatterHits();
        for (var d = 0; d < draws; d++)
        {
            random.PoissonScatter(rates, hits);
            Array.Clear(counts);
            for (var h = 0; h < hits.Count; h++)
            {
                counts[hits.Items[h]] = hits.Counts[h];
            }

            for (var i = 0; i < rates.Length; i++)
            {
                sums[i] += counts[i];
                squares[i] += counts[i] * counts[i];
            }
        }

        for (var i = 0; i < rates.Length; i++)
        {
            var mean = sums[i] / draws;
            var variance = (squares[i] / draws) - (mean * mean);
            var tolerance = 4 * Math.Sqrt(Math.Max(rates[i], 1e-9) / draws) + 1e-12;
            Assert.InRange(mean, rates[i] - tolerance, rates[i] + tolerance);
            Assert.InRange(variance, rates[i] * 0.95 - 1e-12, (rates[i] * 1.05) + 1e-12);
        }
    }

    [Fact]
    public void AScattersHitsAreTheItemsAWalkAlongTheRunningTotalsFinds()
    {
        // Many items, most with nothing (the engine's cells in a week): each event's item, found by galloping from the
        // last one's, must be the one the plain walk finds (item by item while the running total is at most the event's
        // uniform), from the same draws, and the scatter must leave the generator where those draws leave it.
        var rate = Gen.Double[0, 1].Select(x => x < 0.6 ? 0 : x < 0.9 ? x * 0.01 : x * 5);
        Gen.Select(Gen.ULong, rate.Array[1, 400]).Sample((seed, rates) =>
        {
            var walked = new Xoshiro256StarStar(seed);
            var expected = WalkedScatter(walked, rates);
            var scattered = new Xoshiro256StarStar(seed);
            var hits = new ScatterHits();
            var drawn = scattered.PoissonScatter(rates, hits);
            var found = hits.Items.ToArray().Zip(hits.Counts.ToArray()).ToArray();
            return drawn == expected.Sum(x => x.Second) && expected.SequenceEqual(found) && walked.NextUInt64() == scattered.NextUInt64();
        });
    }

    [Fact]
    public void AScatterOfRatesComputedAsItTotalsThemDrawsWhatTheSpanOfThoseRatesDraws()
    {
        // The engine's mechanisms hand the scatter a rate function instead of a span: the same rates must give the same
        // hits from the same seed, each rate read once and in order.
        var rate = Gen.Double[0, 1].Select(x => x < 0.6 ? 0 : x < 0.9 ? x * 0.01 : x * 5);
        Gen.Select(rate.Array[0, 3000], Gen.ULong).Sample((rates, seed) =>
        {
            var fromSpan = new ScatterHits();
            var spanDrawn = new Xoshiro256StarStar(seed).PoissonScatter(rates, fromSpan);
            var computed = new ScatterHits();
            var read = new List<int>();
            var computedDrawn = new Xoshiro256StarStar(seed).PoissonScatter(rates.Length, new Doubled(rates, read), computed);
            return computedDrawn == spanDrawn
                && computed.Items.SequenceEqual(fromSpan.Items) && computed.Counts.SequenceEqual(fromSpan.Counts)
                && read.SequenceEqual(Enumerable.Range(0, rates.Length));
        });
    }

    // Each rate as the product of its half and two (exact in binary), noting the items read.
    private readonly struct Doubled(double[] rates, List<int> read) : IScatterRates
    {
        public double Rate(int item)
        {
            read.Add(item);
            return rates[item] * 0.5 * 2;
        }
    }

    // The scatter as first written: a Poisson total, its uniforms drawn and sorted, each met by walking the running totals.
    private static (int First, int Second)[] WalkedScatter(Xoshiro256StarStar random, double[] rates)
    {
        var cumulative = new double[rates.Length];
        var total = 0.0;
        for (var i = 0; i < rates.Length; i++)
        {
            total += Math.Max(0, rates[i]);
            cumulative[i] = total;
        }

        var counts = new int[rates.Length];
        var n = total > 0 ? (int)random.Poisson(total) : 0;
        var uniforms = Enumerable.Range(0, n).Select(_ => random.NextDouble() * total).Order().ToArray();
        var item = 0;
        foreach (var u in uniforms)
        {
            while (item < rates.Length - 1 && cumulative[item] <= u)
            {
                item++;
            }

            counts[item]++;
        }

        return [.. counts.Select((c, i) => (i, c)).Where(x => x.c > 0)];
    }
}
