using Paz.Core.Common;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Inference;

namespace Paz.Simulation.Backtesting;

/// <summary>How a backtest calibrates and forecasts at each origin.</summary>
/// <param name="Search">Candidates of the calibration's global phase.</param>
/// <param name="Refine">Nelder-Mead iterations of the calibration.</param>
/// <param name="CalibrationReplicates">Replicates per calibration candidate.</param>
/// <param name="ForecastReplicates">Replicates of the forecast ensemble.</param>
/// <param name="Seed">Seed of the calibrations and forecasts.</param>
/// <param name="Threads">Runs in parallel.</param>
/// <param name="LastYear">The last year forecast and scored (2018: nothing later may enter).</param>
public sealed record BacktestSettings(int Search, int Refine, int CalibrationReplicates, int ForecastReplicates, ulong Seed, int Threads, int LastYear = 2018)
{
    /// <summary>
    /// When set, each origin infers a posterior of the free parameters by ABC-SMC on the outcomes to the origin (instead of
    /// calibrating a point), and each forecast replicate draws its parameter set from it: the bands carry parameter uncertainty.
    /// </summary>
    public BacktestPosterior? Posterior { get; init; }

    /// <summary>
    /// When set, the run of a calibration candidate or a forecast replicate at an origin (its timeline, weeks, seed) is
    /// this origin's runner (a cluster's silos, which must compute what the engine would) instead of the engine here.
    /// Point calibrations only: the posterior's inference runs here.
    /// </summary>
    public Func<int, Func<Timeline, int, ulong, ReplicateResult>>? RunAt { get; init; }

    /// <summary>
    /// Point calibrations per origin, from the seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, ...: each start's fit runs
    /// <see cref="ForecastReplicates"/> replicates (those of a backtest at that seed) and the forecast pools them all. One
    /// calibration's optimum depends on its search's draw (a flat objective in fourteen dimensions); the pooled forecast
    /// carries that uncertainty instead of betting on one draw. 1: the single calibration at <see cref="Seed"/>.
    /// </summary>
    public int Starts { get; init; } = 1;
}

/// <summary>The inference a backtest runs at each origin (<see cref="AbcSmc"/>).</summary>
/// <param name="Particles">Population size.</param>
/// <param name="Generations">Generations after the draws from the prior.</param>
/// <param name="Quantile">Each tolerance's quantile of the previous generation's distances.</param>
public sealed record BacktestPosterior(int Particles, int Generations, double Quantile = 0.5);

/// <summary>One origin of a backtest: the fit on the years before it, the engine's forecast and every forecaster's score.</summary>
/// <param name="Origin">The origin: December of this year; the fit sees outcomes to it, the forecast starts after it.</param>
/// <param name="Fit">The calibration on the years to the origin.</param>
/// <param name="Forecasts">The engine's forecast and the yardsticks'.</param>
/// <param name="Scores">Their scores on the years after the origin, the engine's first.</param>
/// <param name="Fitted">The free parameters' fitted values.</param>
public sealed record OriginResult(int Origin, CalibrationResult Fit, IReadOnlyList<Forecast> Forecasts, IReadOnlyList<ForecastScore> Scores, IReadOnlyDictionary<string, double> Fitted);

/// <summary>
/// Rolling-origin backtests: at each origin the engine is calibrated only on outcomes to the origin's December
/// (its free parameters restarted from their declared defaults, not from a fit that saw later years; once per
/// <see cref="BacktestSettings.Starts"/>, the forecast pooling the fits' replicates), then runs
/// the policy actually in force (the scenario's timeline) to <see cref="BacktestSettings.LastYear"/>; its
/// forecast and the yardsticks' (<see cref="Yardsticks"/>, fitted on the same years) are scored on the years
/// after the origin. With <see cref="BacktestSettings.Posterior"/>, the calibration is replaced by ABC-SMC on the same
/// outcomes (and the states' every year) and each forecast replicate draws its parameters from that posterior, so the
/// bands carry parameter uncertainty. The forecasting step receives the observations cut at the origin
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
        var (fit, forecast, anchored, withError) = Forecast(engine, timeline, seen, free, settings, progress);
        var years = forecast.Years.ToList();
        Forecast[] engines = withError is null ? [forecast, anchored] : [forecast, anchored, withError];
        Forecast[] forecasts = [.. engines, Yardsticks.Persistence(seen, years), Yardsticks.DampedTrend(seen, years)];
        return new OriginResult(origin, fit, forecasts, [.. forecasts.Select(f => ForecastScore.Of(f, observed))], free.ToDictionary(f => f.Name, f => fit.Parameters.Get(f.Name)));
    }

    /// <summary>
    /// The engine's forecast from what was seen to the origin (<paramref name="seen"/>'s last year): calibrate on it,
    /// then run the ensemble from the start to the end of <see cref="BacktestSettings.LastYear"/>; also the same
    /// forecast anchored at the origin's observed year (<see cref="Anchoring"/>; with several <see cref="BacktestSettings.Starts"/>,
    /// each start's replicates by their own fit's simulation of that year), and the same with the structural error
    /// the fitting window showed (<see cref="ModelDiscrepancy"/>; null when the window after the start's transient year is shorter than two years). Nothing here
    /// reads a later outcome.
    /// </summary>
    public static (CalibrationResult Fit, Forecast Forecast, Forecast Anchored, Forecast? WithModelError) Forecast(
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

        // A scenario's fitted values saw years after the origin: the search restarts from the declared defaults. What the
        // record shows after the origin (breakaways, the wars fought) is an outcome: it stays as it was at the origin.
        IReadOnlyList<string> names = [.. free.Select(f => f.Name)];
        var fresh = Calibration.AtValues(RecordedHistory.Through(timeline, origin), names, [.. free.Select(f => Declarations.Find(f.Name)!.Default)]);
        var weeks = inputs.WeeksThrough(settings.LastYear);
        var runs = new ReplicateResult[settings.ForecastReplicates];
        Core.Common.Check.Require(settings.RunAt is null || settings.Posterior is null, "a runner elsewhere for point calibrations only");
        var run = settings.RunAt?.Invoke(origin) ?? ((candidate, runWeeks, seed) => engine.Run(candidate, runWeeks, seed));
        CalibrationResult fit;
        Func<int, Timeline> timelineOf;
        Func<int, ulong> replicateSeed = k => ReplicateRandom(settings, origin, k).NextUInt64();
        if (settings.Posterior is { } abc)
        {
            var generations = AbcSmc.Run(free.Count, EngineInference.Distance(engine, fresh, targets, seen, free, settings.Threads), abc.Particles, abc.Generations, abc.Quantile,
                settings.Seed + (ulong)origin, batch: Math.Max(8, 4 * settings.Threads), progress: new InlineProgress<AbcGeneration>(g => progress?.Report((g.Index, g.Tolerance))));
            var posterior = generations[^1];
            var cumulative = AbcSmc.Cumulative(posterior.Particles);
            var best = posterior.Particles.MinBy(p => p.Distance)!;
            // The "fit" of a posterior: its best particle's values, the last tolerance and the simulations it took.
            fit = new CalibrationResult(Calibration.AtQuantiles(fresh, free, best.Unit).First, posterior.Tolerance, generations.Sum(g => g.Simulations), new Dictionary<int, double>());
            timelineOf = k =>
            {
                var random = ReplicateRandom(settings, origin, k);
                random.NextUInt64(); // the replicate's seed
                return Calibration.AtQuantiles(fresh, free, posterior.Particles[AbcSmc.Pick(cumulative, random.NextDouble())].Unit);
            };
        }
        else
        {
            // Start s is the calibration a backtest at seed Seed + s would make, and its replicates are that backtest's.
            Core.Common.Check.Require(settings.Starts >= 1, "at least one calibration per origin");
            var fits = new List<CalibrationResult>();
            for (var s = 0; s < settings.Starts; s++)
            {
                // Progress counts on across the starts: the runs done so far, the best objective of this start's.
                var before = fits.Sum(f => f.Evaluations);
                var counted = progress is null ? null : new InlineProgress<(int Done, double Best)>(p => progress.Report((before + p.Done, p.Best)));
                fits.Add(Calibration.Fit(engine, fresh, targets, free, settings.Seed + (ulong)s + (ulong)origin, settings.Search, settings.Refine, settings.Threads, counted, settings.CalibrationReplicates, run));
            }

            var fitted = fits.Select(f => Calibration.AtValues(fresh, names, [.. free.Select(p => f.Parameters.Get(p.Name))])).ToList();
            fit = fits.MinBy(f => f.Objective)! with { Evaluations = fits.Sum(f => f.Evaluations) };
            runs = new ReplicateResult[settings.Starts * settings.ForecastReplicates];
            timelineOf = k => fitted[k / settings.ForecastReplicates];
            replicateSeed = k => ReplicateRandom(settings with { Seed = settings.Seed + (ulong)(k / settings.ForecastReplicates) }, origin, k % settings.ForecastReplicates).NextUInt64();
        }

        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) }, k =>
            runs[k] = run(timelineOf(k), weeks, replicateSeed(k)));
        Forecast Over(IEnumerable<int> years) => Backtesting.Forecast.Of("engine", runs, inputs, years);
        var raw = Over(Enumerable.Range(origin + 1, settings.LastYear - origin));
        // The window the error is read from starts, like the calibration's, after the start's transient year.
        var window = Over(Enumerable.Range(inputs.Start.Year + 1, Math.Max(0, origin - inputs.Start.Year)));
        var withError = origin >= inputs.Start.Year + 2
            ? ModelDiscrepancy.Estimate(window, seen).Apply(raw, ModelDiscrepancy.PathsPerReplicate, settings.Seed + (ulong)origin)
            : null;
        // Each start's replicates are anchored by their own fit's simulation of the origin: each fit misses the level its own way.
        var perStart = settings.Posterior is null ? settings.ForecastReplicates : runs.Length;
        var anchored = Backtesting.Forecast.Pool("engine, anchored", [.. runs.Chunk(perStart).Select(part =>
            Anchoring.Anchored(Backtesting.Forecast.Of("engine", part, inputs, raw.Years), Backtesting.Forecast.Of("engine", part, inputs, [origin]), seen))]);
        return (fit, raw, anchored, withError);
    }

    // Replicate k's generator at an origin: its seed (the first draw, as before posteriors) and, with a posterior, its particle.
    private static Core.Randomness.Xoshiro256StarStar ReplicateRandom(BacktestSettings settings, int origin, int k) =>
        new(unchecked(settings.Seed + (ulong)origin + ((ulong)k * 0x9E3779B97F4A7C15UL)));

}
