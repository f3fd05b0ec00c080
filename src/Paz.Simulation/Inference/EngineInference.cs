using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Inference;

/// <summary>
/// The distance ABC-SMC needs, from the engine: a parameter set (prior quantiles of the free parameters) runs the
/// scenario once with its seed to the targets' last year, and its distance is the calibration's objective
/// (<see cref="Calibration.Score"/>: squared log errors of national homicides each year, the spatial pattern and, from a
/// 2015 start, the aggregate model's membership) plus <see cref="StateYears"/>, the states' homicides in every checked
/// year — all to December 2018 only. The calibration ranks states in the last year; the inference also asks for their
/// levels every year, because the predictive check asks its bands to cover state-years.
/// </summary>
public static class EngineInference
{
    /// <summary>The distance function over a batch, run <paramref name="threads"/> at a time into fixed slots.</summary>
    public static Func<IReadOnlyList<(double[] Unit, ulong Seed)>, double[]> Distance(
        CriminalMarketEngine engine, Timeline timeline, ValidationTargets targets, ObservedHomicides observed, IReadOnlyList<FreeParameter> free, int threads)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(observed);
        var weeks = engine.Inputs.WeeksThrough(targets.LastYear);
        return batch =>
        {
            var distances = new double[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
            {
                var run = engine.Run(Calibration.AtQuantiles(timeline, free, batch[k].Unit), weeks, batch[k].Seed);
                distances[k] = Calibration.Score(run, engine.Inputs, targets).Objective + StateYears(run, engine.Inputs, observed, targets.CheckedFrom, targets.LastYear);
            });
            return distances;
        };
    }

    /// <summary>
    /// Σ over the years <paramref name="from"/>..<paramref name="to"/> of the mean over states of
    /// (ln((model + 1) / (INEGI + 1)))²: every state a third too high or low in each of four years adds 4 × (ln 4/3)² ≈ 0.33,
    /// as much as national homicides 30% off in one year.
    /// </summary>
    public static double StateYears(ReplicateResult run, EngineInputs inputs, ObservedHomicides observed, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(observed);
        var total = 0.0;
        for (var year = from; year <= to; year++)
        {
            var model = inputs.SumByState(m => run.Homicides(m, year));
            var data = observed.States[year];
            total += model.Select((x, s) => Math.Pow(Math.Log((x + 1) / (data[s] + 1)), 2)).Average();
        }

        return total;
    }
}
