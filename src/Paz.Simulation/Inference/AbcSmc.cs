using MathNet.Numerics.LinearAlgebra;
using Paz.Core.Randomness;

namespace Paz.Simulation.Inference;

/// <summary>One accepted parameter set of a generation, in the unit cube of the priors' quantiles.</summary>
/// <param name="Unit">The parameters as prior quantiles (0-1 each; <c>Prior.At</c> gives the values).</param>
/// <param name="Weight">Importance weight (the generation's weights sum to 1).</param>
/// <param name="Distance">Its simulation's distance from the observations.</param>
/// <param name="Seed">The seed its simulation ran with.</param>
public sealed record AbcParticle(double[] Unit, double Weight, double Distance, ulong Seed);

/// <summary>A generation of the sampler: its tolerance, its accepted particles and what they cost.</summary>
/// <param name="Index">0 for the draws from the prior.</param>
/// <param name="Tolerance">The largest distance accepted.</param>
/// <param name="Particles">The weighted sample.</param>
/// <param name="Simulations">Simulations run to fill it.</param>
public sealed record AbcGeneration(int Index, double Tolerance, IReadOnlyList<AbcParticle> Particles, int Simulations)
{
    /// <summary>Share of this generation's simulations that were accepted.</summary>
    public double AcceptanceRate => Simulations == 0 ? 0 : Particles.Count / (double)Simulations;

    /// <summary>Weighted mean of dimension <paramref name="i"/>.</summary>
    public double Mean(int i) => Particles.Sum(p => p.Weight * p.Unit[i]);

    /// <summary>Weighted standard deviation of dimension <paramref name="i"/>.</summary>
    public double StandardDeviation(int i)
    {
        var mean = Mean(i);
        return Math.Sqrt(Particles.Sum(p => p.Weight * (p.Unit[i] - mean) * (p.Unit[i] - mean)));
    }
}

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009; Beaumont et al. 2009's weights and
/// kernel): a population drawn from the prior is moved through generations of shrinking tolerance, each tolerance the
/// <c>quantile</c> of the previous generation's distances (adaptive, as in Del Moral et al. 2012), each proposal a
/// previous particle perturbed by a Gaussian kernel with twice the population's weighted covariance. The priors enter as
/// the uniform distribution on the unit cube of their quantiles, so a proposal outside the cube has prior density 0 and
/// is dropped, and a weight is 1 / Σ w_j K(θ | θ_j). Proposals are drawn in fixed-size batches from the seeded
/// generator and their distances computed together (in parallel by the caller); they are accepted in order, so the
/// posterior is the same on any number of threads. Written here because no maintained .NET package implements ABC-SMC.
/// </summary>
public static class AbcSmc
{
    /// <summary>Runs the sampler; returns every generation, the last being the posterior.</summary>
    /// <param name="dimensions">Parameters inferred.</param>
    /// <param name="distances">The distance from the observations of each (unit point, seed) of a batch.</param>
    /// <param name="particles">Population size.</param>
    /// <param name="generations">Generations after the prior's.</param>
    /// <param name="quantile">Each tolerance is this quantile of the previous generation's distances (0.5 is usual).</param>
    /// <param name="seed">Seed of the proposals and simulation seeds; generation g draws from its own generator seeded by
    /// (seed, g), so a run resumed from a stored generation continues exactly as an uninterrupted one would.</param>
    /// <param name="batch">Proposals per call of <paramref name="distances"/>.</param>
    /// <param name="maxSimulations">Stops (returning what it has) when a generation would need more simulations than this.</param>
    /// <param name="progress">Told of each finished generation (a caller stores it: the checkpoint to resume from).</param>
    /// <param name="resumeFrom">A generation already made (by an earlier, interrupted run with the same arguments): continue after it.</param>
    public static IReadOnlyList<AbcGeneration> Run(
        int dimensions, Func<IReadOnlyList<(double[] Unit, ulong Seed)>, double[]> distances, int particles, int generations,
        double quantile, ulong seed, int batch = 64, int maxSimulations = int.MaxValue, IProgress<AbcGeneration>? progress = null, AbcGeneration? resumeFrom = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(particles, 2);
        if (quantile is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), "a quantile strictly between 0 and 1");
        }

        var history = new List<AbcGeneration>();
        AbcGeneration current;
        if (resumeFrom is null)
        {
            var random = Generator(seed, 0);
            var prior = Fill(distances, particles, double.PositiveInfinity, batch, maxSimulations, random, r => Enumerable.Range(0, dimensions).Select(_ => r.NextDouble()).ToArray());
            current = new AbcGeneration(0, prior.Accepted.Max(p => p.Distance), Normalized(prior.Accepted.Select(p => p with { Weight = 1 })), prior.Simulations);
            progress?.Report(current);
        }
        else
        {
            current = resumeFrom;
        }

        history.Add(current);
        for (var g = current.Index + 1; g <= generations; g++)
        {
            var random = Generator(seed, g);
            var tolerance = Quantile(current.Particles.Select(p => p.Distance), quantile);
            var kernel = Kernel(current, dimensions);
            var cumulative = Cumulative(current.Particles);
            var previous = current;
            double[]? Propose(Xoshiro256StarStar r)
            {
                var parent = previous.Particles[Pick(cumulative, r.NextDouble())];
                var step = kernel.Lower * Vector<double>.Build.Dense(dimensions, _ => Gaussian(r));
                var point = parent.Unit.Select((u, i) => u + step[i]).ToArray();
                return point.All(u => u is >= 0 and <= 1) ? point : null; // outside the priors' support
            }

            var filled = Fill(distances, particles, tolerance, batch, maxSimulations, random, Propose);
            if (filled.Accepted.Count < particles)
            {
                break; // the budget ran out: the last full generation stands
            }

            var weighted = filled.Accepted.Select(p => p with { Weight = 1 / previous.Particles.Sum(q => q.Weight * kernel.Density(p.Unit, q.Unit)) });
            current = new AbcGeneration(g, tolerance, Normalized(weighted), filled.Simulations);
            history.Add(current);
            progress?.Report(current);
        }

        return history;
    }

    private static (List<AbcParticle> Accepted, int Simulations) Fill(
        Func<IReadOnlyList<(double[] Unit, ulong Seed)>, double[]> distances, int particles, double tolerance,
        int batch, int maxSimulations, Xoshiro256StarStar random, Func<Xoshiro256StarStar, double[]?> propose)
    {
        var accepted = new List<AbcParticle>(particles);
        var simulations = 0;
        while (accepted.Count < particles && simulations < maxSimulations)
        {
            var proposals = new List<(double[] Unit, ulong Seed)>(batch);
            while (proposals.Count < batch)
            {
                if (propose(random) is { } point)
                {
                    proposals.Add((point, random.NextUInt64()));
                }
            }

            var found = distances(proposals);
            simulations += proposals.Count;
            for (var k = 0; k < proposals.Count && accepted.Count < particles; k++)
            {
                if (found[k] <= tolerance && double.IsFinite(found[k]))
                {
                    accepted.Add(new AbcParticle(proposals[k].Unit, 0, found[k], proposals[k].Seed));
                }
            }
        }

        return (accepted, simulations);
    }

    private static Xoshiro256StarStar Generator(ulong seed, int generation) =>
        new(new Xoshiro256StarStar(unchecked(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(generation + 1)))).NextUInt64());

    private static List<AbcParticle> Normalized(IEnumerable<AbcParticle> particles)
    {
        var list = particles.ToList();
        var total = list.Sum(p => p.Weight);
        return [.. list.Select(p => p with { Weight = p.Weight / total })];
    }

    /// <summary>The running sums of the particles' weights (what <see cref="Pick"/> searches).</summary>
    internal static double[] Cumulative(IReadOnlyList<AbcParticle> particles)
    {
        var cumulative = new double[particles.Count];
        var sum = 0.0;
        for (var i = 0; i < particles.Count; i++)
        {
            sum += particles[i].Weight;
            cumulative[i] = sum;
        }

        return cumulative;
    }

    /// <summary>The index of the particle a uniform draw <paramref name="u"/> (0-1) picks, by weight.</summary>
    internal static int Pick(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Floor(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }

    // Box-Muller from the seeded generator.
    private static double Gaussian(Xoshiro256StarStar random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static PerturbationKernel Kernel(AbcGeneration generation, int dimensions)
    {
        var means = Enumerable.Range(0, dimensions).Select(generation.Mean).ToArray();
        var covariance = Matrix<double>.Build.Dense(dimensions, dimensions, (i, j) =>
            2 * generation.Particles.Sum(p => p.Weight * (p.Unit[i] - means[i]) * (p.Unit[j] - means[j])));
        // A population collapsed onto a point would give a singular kernel: keep a floor of spread.
        covariance += Matrix<double>.Build.DenseIdentity(dimensions) * 1e-10;
        return new PerturbationKernel(covariance.Cholesky().Factor, covariance.Inverse());
    }

    private sealed record PerturbationKernel(Matrix<double> Lower, Matrix<double> Precision)
    {
        // Unnormalized: the constant is the same for every pair, and the weights are normalized.
        public double Density(double[] x, double[] centre)
        {
            var d = Vector<double>.Build.Dense(x.Length, i => x[i] - centre[i]);
            return Math.Exp(-0.5 * (d * (Precision * d)));
        }
    }
}
