using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Sensitivity;

/// <summary>One scenario's part in a sensitivity output: its national homicides in the year, times <paramref name="Weight"/>.</summary>
/// <param name="Engine">The engine over the scenario's inputs.</param>
/// <param name="Timeline">The scenario's timeline (the design's parameters override it in every period).</param>
/// <param name="Weight">1 for a scenario's own homicides; 1 and −1 for a paired difference between two scenarios.</param>
public sealed record SensitivityTerm(CriminalMarketEngine Engine, Timeline Timeline, double Weight)
{
    /// <summary>Runs a design point (its timeline, weeks, seed) instead of <see cref="Engine"/>: a cluster's silos, which compute what the engine would.</summary>
    public Func<Timeline, int, ulong, ReplicateResult>? Run { get; init; }
}

/// <summary>What a sensitivity design measures of each run.</summary>
public enum SensitivityOutput
{
    /// <summary>National homicides in the year.</summary>
    Homicides,

    /// <summary>
    /// Whether the national rate in the year is at most the plan's promise (4 per 100,000): averaged over a point's
    /// replicates, the probability of meeting it.
    /// </summary>
    MeetsPromise,
}

/// <summary>
/// Runs a sensitivity design through the engine: each point of the unit cube becomes parameter values through the
/// parameters' priors (<see cref="Calibration.AtQuantiles"/>), each scenario runs to the end of <c>year</c> with common
/// seeds, and the output is the weighted sum of their national homicides that year (one scenario, or the paired
/// difference of two: same parameters, same seeds). Points run in parallel into fixed slots, so the result is the
/// same on any number of threads.
/// </summary>
public static class EngineSensitivity
{
    /// <summary>National homicides in <paramref name="year"/> at each design point (mean over <paramref name="replicates"/> common seeds).</summary>
    public static double[] Evaluate(
        CriminalMarketEngine engine, Timeline timeline, IReadOnlyList<FreeParameter> factors, IReadOnlyList<double[]> design,
        int year, int replicates, ulong seed, int threads, IProgress<int>? progress = null) =>
        Evaluate([new SensitivityTerm(engine, timeline, 1)], factors, design, year, replicates, seed, threads, progress);

    /// <summary>The weighted sum of the terms' <paramref name="output"/> in <paramref name="year"/> at each design point (mean over common seeds).</summary>
    public static double[] Evaluate(
        IReadOnlyList<SensitivityTerm> terms, IReadOnlyList<FreeParameter> factors, IReadOnlyList<double[]> design,
        int year, int replicates, ulong seed, int threads, IProgress<int>? progress, SensitivityOutput output)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var population = terms.Select(t => t.Engine.Inputs.NationalPopulation(year)).ToArray();
        return Evaluate(terms, factors, design, year, replicates, seed, threads, progress, output == SensitivityOutput.Homicides
            ? (_, homicides) => homicides
            : (t, homicides) => homicides * 100_000 / population[t] <= YearSummary.PromisedRate ? 1 : 0);
    }

    /// <summary>The weighted sum of the terms' national homicides in <paramref name="year"/> at each design point (mean over common seeds).</summary>
    public static double[] Evaluate(
        IReadOnlyList<SensitivityTerm> terms, IReadOnlyList<FreeParameter> factors, IReadOnlyList<double[]> design,
        int year, int replicates, ulong seed, int threads, IProgress<int>? progress = null) =>
        Evaluate(terms, factors, design, year, replicates, seed, threads, progress, (_, homicides) => homicides);

    // The runs; measure(term, national homicides) is what each contributes.
    private static double[] Evaluate(
        IReadOnlyList<SensitivityTerm> terms, IReadOnlyList<FreeParameter> factors, IReadOnlyList<double[]> design,
        int year, int replicates, ulong seed, int threads, IProgress<int>? progress, Func<int, double, double> measure)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var weeks = new int[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var start = terms[t].Engine.Inputs.Start;
            if (year < start.Year)
            {
                throw new ArgumentOutOfRangeException(nameof(year), $"a scenario starts in {start.Year}");
            }

            weeks[t] = terms[t].Engine.Inputs.WeeksThrough(year);
        }

        var runSeed = new Xoshiro256StarStar(seed).NextUInt64();
        var outputs = new double[design.Count];
        var done = 0;
        Parallel.For(0, design.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
        {
            var sum = 0.0;
            for (var t = 0; t < terms.Count; t++)
            {
                var parameters = Calibration.AtQuantiles(terms[t].Timeline, factors, design[k]);
                for (var r = 0; r < replicates; r++)
                {
                    var replicateSeed = runSeed + (ulong)r;
                    var run = terms[t].Run?.Invoke(parameters, weeks[t], replicateSeed) ?? terms[t].Engine.Run(parameters, weeks[t], replicateSeed);
                    sum += terms[t].Weight * measure(t, run.Homicides(year));
                }
            }

            outputs[k] = sum / replicates;
            progress?.Report(Interlocked.Increment(ref done));
        });
        return outputs;
    }
}
