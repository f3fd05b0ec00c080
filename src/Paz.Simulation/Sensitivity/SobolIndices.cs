using Paz.Core.Randomness;

namespace Paz.Simulation.Sensitivity;

/// <summary>A factor's variance-based indices with bootstrap 90% intervals.</summary>
/// <param name="Factor">The factor's name.</param>
/// <param name="First">First-order index S: the share of the output's variance the factor explains alone.</param>
/// <param name="FirstLow">5th percentile of S over bootstrap resamples.</param>
/// <param name="FirstHigh">95th percentile of S.</param>
/// <param name="Total">Total index ST: the share it explains with all its interactions (what fixing it would remove).</param>
/// <param name="TotalLow">5th percentile of ST.</param>
/// <param name="TotalHigh">95th percentile of ST.</param>
public sealed record SobolIndex(string Factor, double First, double FirstLow, double FirstHigh, double Total, double TotalLow, double TotalHigh);

/// <summary>
/// Sobol' first-order and total indices by the Saltelli design (Saltelli et al. 2010): two independent samples A and
/// B of N points in the unit cube and, for each factor i, A with its column i taken from B; N (k + 2) model runs.
/// First order by Saltelli et al. (2010, eq. b of table 2), total by Jansen (1999), the pair that table recommends;
/// intervals by resampling the N rows. Written here because no maintained .NET package implements it.
/// </summary>
public static class SobolIndices
{
    /// <summary>The points to run, in the order <see cref="Indices"/> expects: A (N rows), B (N rows), then A_B^(i) for each factor.</summary>
    public static IReadOnlyList<double[]> Design(int factors, int baseSamples, Xoshiro256StarStar random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentNullException.ThrowIfNull(random);
        var a = Sample(factors, baseSamples, random);
        var b = Sample(factors, baseSamples, random);
        var points = new List<double[]>(baseSamples * (factors + 2));
        points.AddRange(a);
        points.AddRange(b);
        for (var i = 0; i < factors; i++)
        {
            foreach (var (rowA, rowB) in a.Zip(b))
            {
                var mixed = (double[])rowA.Clone();
                mixed[i] = rowB[i];
                points.Add(mixed);
            }
        }

        return points;
    }

    /// <summary>The indices from the outputs at <see cref="Design"/>'s points (in order).</summary>
    public static IReadOnlyList<SobolIndex> Indices(IReadOnlyList<string> factors, IReadOnlyList<double> outputs, Xoshiro256StarStar random, int resamples = 200)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(random);
        var k = factors.Count;
        if (outputs.Count % (k + 2) != 0)
        {
            throw new ArgumentException("N (k + 2) outputs, in the design's order", nameof(outputs));
        }

        var n = outputs.Count / (k + 2);
        var fa = outputs.Take(n).ToArray();
        var fb = outputs.Skip(n).Take(n).ToArray();
        var fab = Enumerable.Range(0, k).Select(i => outputs.Skip(n * (2 + i)).Take(n).ToArray()).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        var draws = Enumerable.Range(0, resamples).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextInt(n)).ToArray()).ToList();
        return [.. Enumerable.Range(0, k).Select(i =>
        {
            var (first, total) = Estimate(fa, fb, fab[i], all);
            var boot = draws.Select(rows => Estimate(fa, fb, fab[i], rows)).ToList();
            var firsts = boot.Select(x => x.First).Order().ToArray();
            var totals = boot.Select(x => x.Total).Order().ToArray();
            return new SobolIndex(factors[i], first, Percentile(firsts, 0.05), Percentile(firsts, 0.95), total, Percentile(totals, 0.05), Percentile(totals, 0.95));
        })];
    }

    private static (double First, double Total) Estimate(double[] fa, double[] fb, double[] fabi, int[] rows)
    {
        double sum = 0, sumSquares = 0, first = 0, total = 0;
        foreach (var r in rows)
        {
            sum += fa[r] + fb[r];
            sumSquares += (fa[r] * fa[r]) + (fb[r] * fb[r]);
            first += fb[r] * (fabi[r] - fa[r]);
            total += (fa[r] - fabi[r]) * (fa[r] - fabi[r]);
        }

        var count = rows.Length;
        var mean = sum / (2 * count);
        var variance = (sumSquares / (2 * count)) - (mean * mean);
        return variance <= 0 ? (0, 0) : (first / count / variance, total / (2.0 * count) / variance);
    }

    private static List<double[]> Sample(int factors, int count, Xoshiro256StarStar random) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, factors).Select(_ => random.NextDouble()).ToArray())];

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Round(p * (sorted.Length - 1)), 0, sorted.Length - 1)];
}
