using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Backtesting;

/// <summary>How a backtest calibrates and forecasts at each origin.</summary>
/// <param name="Search">Candidates of the calibration's global phase.</param>
/// <param name="Refine">Nelder-Mead iterations of the calibration.</param>
/// <param name="CalibrationReplicates">Replicates per calibration candidate.</param>
/// <param name="ForecastReplicates">Replicates of the forecast ensemble.</param>
/// <param name="Seed">Seed of the calibrations and forecasts.</param>
/// <param name="Threads">Runs in parallel.</param>
/// <param name="LastYear">The last year forecast and scored (2018: nothing later may enter).</param>
public sealed record BacktestSettings(int Search, int Refine, int CalibrationReplicates, int ForecastReplicates, ulong Seed, int Threads, int LastYear = 2018);

/// <summary>One origin of a backtest: the fit on the years before it, the engine's forecast and every forecaster's score.</summary>
/// <param name="Origin">The origin: December of this year; the fit sees outcomes to it, the forecast starts after it.</param>
/// <param name="Fit">The calibration on the years to the origin.</param>
/// <param name="Forecasts">The engine's forecast and the yardsticks'.</param>
/// <param name="Scores">Their scores on the years after the origin, the engine's first.</param>
/// <param name="Fitted">The free parameters' fitted values.</param>
public sealed record OriginResult(int Origin, CalibrationResult Fit, IReadOnlyList<Forecast> Forecasts, IReadOnlyList<ForecastScore> Scores, IReadOnlyDictionary<string, double> Fitted);

/// <summary>
/// Rolling-origin backtests: at each origin the engine is calibrated only on outcomes to the origin's December
/// (its free parameters restarted from their declared defaults, not from a fit that saw later years), then runs
/// the policy actually in force (the scenario's timeline) to <see cref="BacktestSettings.LastYear"/>; its
/// forecast and the yardsticks' (<see cref="Yardsticks"/>, fitted on the same years) are scored on the years
/// after the origin. The forecasting step receives the observations cut at the origin
/// (<see cref="ObservedHomicides.Through"/>); only the scoring step sees the later years.
/// </summary>
public static class Backtest
{
    /// <summary>The default origins: December 2010, 2012, 2014 and 2016.</summary>
    public static IReadOnlyList<int> DefaultOrigins { get; } = [2010, 2012, 2014, 2016];

    /// <summary>Runs the backtest at one origin.</summary>
    public static OriginResult AtOrigin(
        CriminalMarketEngine engine, Timeline timeline, ObservedHomicides observed, int origin, IReadOnlyList<FreeParameter> free,
        BacktestSettings settings, IProgress<(int Done, double Best)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(settings);
        Core.Common.Check.Require(origin >= engine.Inputs.Start.Year && origin < settings.LastYear, $"an origin from the start ({engine.Inputs.Start.Year}) to before {settings.LastYear}");
        var seen = observed.Through(origin);
        var (fit, forecast, anchored) = Forecast(engine, timeline, seen, free, settings, progress);
        var years = forecast.Years.ToList();
        var forecasts = new[] { forecast, anchored, Yardsticks.Persistence(seen, years), Yardsticks.DampedTrend(seen, years) };
        return new OriginResult(origin, fit, forecasts, [.. forecasts.Select(f => ForecastScore.Of(f, observed))], free.ToDictionary(f => f.Name, f => fit.Parameters.Get(f.Name)));
    }

    /// <summary>
    /// The engine's forecast from what was seen to the origin (<paramref name="seen"/>'s last year): calibrate on it,
    /// then run the ensemble from the start to the end of <see cref="BacktestSettings.LastYear"/>; also the same
    /// forecast anchored at the origin's observed year (<see cref="Anchoring"/>). Nothing here reads a later outcome.
    /// </summary>
    public static (CalibrationResult Fit, Forecast Forecast, Forecast Anchored) Forecast(
        CriminalMarketEngine engine, Timeline timeline, ObservedHomicides seen, IReadOnlyList<FreeParameter> free,
        BacktestSettings settings, IProgress<(int Done, double Best)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(settings);
        var origin = seen.LastYear;
        var inputs = engine.Inputs;
        var targets = ValidationTargets.Replay(seen, inputs.Start.Year, origin);

        // A scenario's fitted values saw years after the origin: the search restarts from the declared defaults.
        var fresh = timeline.Select(s => free.Aggregate(s, (acc, f) => acc.With(f.Name, Declarations.Find(f.Name)!.Default)));
        var fit = Calibration.Fit(engine, fresh, targets, free, settings.Seed + (ulong)origin, settings.Search, settings.Refine, settings.Threads, progress, settings.CalibrationReplicates);
        var fitted = fresh.Select(s => free.Aggregate(s, (acc, f) => acc.With(f.Name, fit.Parameters.Get(f.Name))));
        var weeks = inputs.WeeksThrough(settings.LastYear);
        var runs = new ReplicateResult[settings.ForecastReplicates];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) }, k =>
            runs[k] = engine.Run(fitted, weeks, new Core.Randomness.Xoshiro256StarStar(unchecked(settings.Seed + (ulong)origin + ((ulong)k * 0x9E3779B97F4A7C15UL))).NextUInt64()));
        Forecast Over(IEnumerable<int> years) => new(
            "engine",
            years.ToDictionary(y => y, y => runs.Select(r => (double)r.Homicides(y)).ToArray()),
            years.ToDictionary(y => y, y => runs.Select(r => inputs.SumByState(m => r.Homicides(m, y))).ToArray()));
        var raw = Over(Enumerable.Range(origin + 1, settings.LastYear - origin));
        return (fit, raw, Anchoring.Anchored(raw, Over([origin]), seen));
    }
}
