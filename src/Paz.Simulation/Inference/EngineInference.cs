using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Inference;

/// <summary>
/// The distance ABC-SMC needs, from the engine: a parameter set (prior quantiles of the free parameters) runs the
/// scenario once with its seed to the targets' last year, and its distance is the calibration's objective
/// (<see cref="Calibration.Score"/>: squared log errors of national homicides each year, the spatial pattern and, from a
/// 2015 start, the aggregate model's membership) — the same targets the calibration fits, to December 2018 only.
/// </summary>
public static class EngineInference
{
    /// <summary>The distance function over a batch, run <paramref name="threads"/> at a time into fixed slots.</summary>
    public static Func<IReadOnlyList<(double[] Unit, ulong Seed)>, double[]> Distance(
        CriminalMarketEngine engine, Timeline timeline, ValidationTargets targets, IReadOnlyList<FreeParameter> free, int threads)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(targets);
        var weeks = engine.Inputs.WeeksThrough(targets.LastYear);
        return batch =>
        {
            var distances = new double[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
            {
                var run = engine.Run(Calibration.AtQuantiles(timeline, free, batch[k].Unit), weeks, batch[k].Seed);
                distances[k] = Calibration.Score(run, engine.Inputs, targets).Objective;
            });
            return distances;
        };
    }
}
