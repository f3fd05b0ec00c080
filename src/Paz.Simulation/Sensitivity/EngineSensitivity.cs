using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Sensitivity;

/// <summary>
/// Runs a sensitivity design through the engine: each point of the unit cube becomes parameter values through the
/// parameters' priors (<see cref="Calibration.AtQuantiles"/>), the scenario runs to the end of <c>year</c> with common
/// seeds, and the output is the mean national homicides of that year. Points run in parallel into fixed slots, so the
/// result is the same on any number of threads.
/// </summary>
public static class EngineSensitivity
{
    /// <summary>National homicides in <paramref name="year"/> at each design point (mean over <paramref name="replicates"/> common seeds).</summary>
    public static double[] Evaluate(
        CriminalMarketEngine engine, Timeline timeline, IReadOnlyList<FreeParameter> factors, IReadOnlyList<double[]> design,
        int year, int replicates, ulong seed, int threads, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var start = engine.Inputs.Start;
        if (year < start.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"the scenario starts in {start.Year}");
        }

        var weeks = (int)Math.Ceiling((new DateOnly(year + 1, 1, 1).DayNumber - start.DayNumber) / 7.0);
        var runSeed = new Xoshiro256StarStar(seed).NextUInt64();
        var outputs = new double[design.Count];
        var done = 0;
        Parallel.For(0, design.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
        {
            var parameters = Calibration.AtQuantiles(timeline, factors, design[k]);
            var sum = 0.0;
            for (var r = 0; r < replicates; r++)
            {
                sum += engine.Run(parameters, weeks, runSeed + (ulong)r).Homicides(year);
            }

            outputs[k] = sum / replicates;
            progress?.Report(Interlocked.Increment(ref done));
        });
        return outputs;
    }
}
