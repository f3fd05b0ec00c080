using Paz.Core.Randomness;
using Paz.Simulation.Inference;

namespace Paz.Simulation.Tests;

/// <summary>ABC-SMC on models whose posterior is known in closed form.</summary>
public sealed class AbcSmcTests
{
    // The mean μ of twenty draws from N(μ, 1), with a uniform prior on [−5, 5] (unit u ↦ −5 + 10u) and an observed
    // sample mean of 1.3: the exact posterior is N(1.3, 1/20), sd 0.2236, i.e. in the unit cube mean 0.63, sd 0.02236.
    private const double Observed = 1.3;

    private static double[] Distances(IReadOnlyList<(double[] Unit, ulong Seed)> batch) =>
        [.. batch.Select(p =>
        {
            var random = new Xoshiro256StarStar(p.Seed);
            var mu = -5 + (10 * p.Unit[0]);
            var sum = 0.0;
            for (var i = 0; i < 20; i++)
            {
                sum += mu + (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            return Math.Abs((sum / 20) - Observed);
        })];

    [Fact]
    public void TheSamplerFindsTheExactPosteriorOfANormalMean()
    {
        var generations = AbcSmc.Run(1, Distances, 500, 8, 0.5, 2018);
        var posterior = generations[^1];
        var mean = -5 + (10 * posterior.Mean(0));
        var sd = 10 * posterior.StandardDeviation(0);
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"posterior mean {mean:F4}, sd {sd:F4}, tolerance {posterior.Tolerance:F4}, simulations {generations.Sum(g => g.Simulations)}"));
        Assert.True(Math.Abs(mean - Observed) < 0.05, $"posterior mean {mean:F3}, exact {Observed}");
        Assert.True(Math.Abs(sd - Math.Sqrt(1 / 20.0)) < 0.04, $"posterior sd {sd:F3}, exact {Math.Sqrt(1 / 20.0):F3}");
        Assert.True(generations.Zip(generations.Skip(1)).All(p => p.Second.Tolerance <= p.First.Tolerance), "tolerances shrink");
        Assert.Equal(1, posterior.Particles.Sum(p => p.Weight), 1e-9);
    }

    [Fact]
    public void TwoParametersOfWhichTheDataSpeakOfOneLeaveTheOtherAtItsPrior()
    {
        // The second parameter does not enter the model: its posterior stays uniform (mean 0.5, sd 1/√12 = 0.289).
        var generations = AbcSmc.Run(2, Distances, 400, 6, 0.5, 7);
        var posterior = generations[^1];
        Assert.True(Math.Abs(posterior.Mean(1) - 0.5) < 0.06, $"unidentified: mean {posterior.Mean(1):F3}");
        Assert.True(Math.Abs(posterior.StandardDeviation(1) - Math.Sqrt(1 / 12.0)) < 0.04, $"unidentified: sd {posterior.StandardDeviation(1):F3}");
        Assert.True(posterior.StandardDeviation(0) < 0.1 * posterior.StandardDeviation(1), "the identified parameter is narrowed");
    }

    [Fact]
    public void TwentyFiveParametersOfWhichTheDataSpeakOfOneKeepADiverseSampleAndTheOthersTheirPriors()
    {
        // Importance weights degenerate with this many parameters (on the engine: an effective sample size of 1.5 of
        // 100); the replenishing sampler keeps equal weights and distinct particles, and leaves the 24 silent ones spread.
        var posterior = AbcSmc.Run(25, Distances, 200, 6, 0.5, 13)[^1];
        Assert.All(posterior.Particles, p => Assert.Equal(1.0 / 200, p.Weight, 12));
        Assert.True(posterior.Particles.Select(p => p.Unit[0]).Distinct().Count() > 150, "distinct particles");
        Assert.True(Math.Abs((-5 + (10 * posterior.Mean(0))) - Observed) < 0.1, $"identified: mean {-5 + (10 * posterior.Mean(0)):F3}");
        Assert.All(Enumerable.Range(1, 24), i => Assert.InRange(posterior.StandardDeviation(i), 0.2, 0.35)); // uniform: 0.289
    }

    [Fact]
    public void TheSameSeedGivesTheSamePosteriorWhateverTheBatchesRunOn()
    {
        static double[] Parallel(IReadOnlyList<(double[] Unit, ulong Seed)> batch)
        {
            var results = new double[batch.Count];
            System.Threading.Tasks.Parallel.For(0, batch.Count, k => results[k] = Distances([batch[k]])[0]);
            return results;
        }

        var serial = AbcSmc.Run(1, Distances, 200, 3, 0.5, 11)[^1];
        var parallel = AbcSmc.Run(1, Parallel, 200, 3, 0.5, 11)[^1];
        Assert.Equal(serial.Particles.Select(p => (p.Unit[0], p.Weight, p.Seed)), parallel.Particles.Select(p => (p.Unit[0], p.Weight, p.Seed)));
    }

    [Fact]
    public void ARunResumedFromAStoredGenerationEndsExactlyAsAnUninterruptedOne()
    {
        var whole = AbcSmc.Run(1, Distances, 150, 4, 0.5, 5);
        var resumed = AbcSmc.Run(1, Distances, 150, 4, 0.5, 5, resumeFrom: whole[2]);
        Assert.Equal(whole[^1].Particles.Select(p => (p.Unit[0], p.Weight)), resumed[^1].Particles.Select(p => (p.Unit[0], p.Weight)));
        Assert.Equal(3, resumed.Count); // the stored generation and the two after it
    }

    [Fact]
    public void ABudgetTooSmallForTheNextGenerationKeepsTheLastFullOne()
    {
        var generations = AbcSmc.Run(1, Distances, 100, 20, 0.5, 3, maxSimulations: 400);
        Assert.InRange(generations.Count, 2, 20);
        Assert.All(generations, g => Assert.Equal(100, g.Particles.Count));
    }
}
