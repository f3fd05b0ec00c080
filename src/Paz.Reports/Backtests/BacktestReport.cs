using System.Globalization;
using System.Net;
using System.Text;
using Paz.Simulation.Backtesting;

namespace Paz.Reports.Backtests;

/// <summary>The backtests of one combination of rival explanations, origin by origin.</summary>
/// <param name="Explanations">The combination ("fragmentation+confrontation", "none"...).</param>
/// <param name="Origins">The results at each origin.</param>
public sealed record BacktestRun(string Explanations, IReadOnlyList<OriginResult> Origins)
{
    /// <summary>The seed of its calibrations and forecasts, where a backtest repeats them with several (null: the settings' one).</summary>
    public ulong? Seed { get; init; }

    /// <summary>The combination, and the seed where there is one.</summary>
    public string Label => LabelOf(Explanations, Seed);

    /// <summary>A combination's label: its explanations, and the seed where the backtest used several.</summary>
    public static string LabelOf(string explanations, ulong? seed) =>
        seed is { } s ? string.Create(CultureInfo.InvariantCulture, $"{explanations} (seed {s})") : explanations;
}

/// <summary>A forecaster's scores averaged over the origins.</summary>
/// <param name="Explanations">The combination of rival explanations the engine held.</param>
/// <param name="Forecaster">The forecaster.</param>
/// <param name="NationalMape">National MAPE, mean over origins.</param>
/// <param name="StateMape">State MAPE, mean over origins.</param>
/// <param name="NationalCrps">National CRPS, mean over origins.</param>
/// <param name="BeatsPersistence">For the engine (raw or anchored): at how many origins its national MAPE beat persistence's ("3 of 4"); null for a yardstick.</param>
public sealed record AverageScore(string Explanations, string Forecaster, double NationalMape, double StateMape, double NationalCrps, string? BeatsPersistence)
{
    /// <summary>Share of held-back national years, over all origins, inside the forecast's 90% band (NaN for a point forecast).</summary>
    public double NationalCoverage { get; init; } = double.NaN;

    /// <summary>The same over all held-back state-years.</summary>
    public double StateCoverage { get; init; } = double.NaN;

    /// <summary>
    /// For the engine: whether it meets Trust I's conditions — national MAPE below persistence's at three origins in four
    /// or more and on the mean over origins, state MAPE below persistence's on the mean; null for a yardstick.
    /// </summary>
    public bool? Survives { get; init; }

    /// <summary>The seed of the run it averages, where the backtest used several.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The combination, and the seed where there is one.</summary>
    public string Label => BacktestRun.LabelOf(Explanations, Seed);
}

/// <summary>How often a forecaster of one combination met Trust I's conditions over the seeds of a backtest.</summary>
/// <param name="Explanations">The combination.</param>
/// <param name="Forecaster">The engine's forecaster.</param>
/// <param name="Survived">Seeds at which it met them.</param>
/// <param name="Seeds">Seeds run.</param>
public sealed record SeedVerdict(string Explanations, string Forecaster, int Survived, int Seeds);

/// <summary>The report of <c>paz backtest</c>: tables, a chart per origin, and the JSON behind them.</summary>
/// <param name="Scenario">The scenario backtested.</param>
/// <param name="Runs">One run per combination of rival explanations.</param>
/// <param name="Settings">How the calibrations and forecasts were made.</param>
/// <param name="WallTime">How long the whole backtest took.</param>
public sealed record BacktestReport(string Scenario, IReadOnlyList<BacktestRun> Runs, BacktestSettings Settings, TimeSpan WallTime)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Observed national homicides by year, for the charts (optional).</summary>
    public IReadOnlyDictionary<int, double> ObservedNational { get; init; } = new Dictionary<int, double>();

    /// <summary>Each forecaster's scores averaged over the origins, per combination.</summary>
    public IReadOnlyList<AverageScore> Averages() =>
    [
        .. Runs.SelectMany(run => run.Origins.SelectMany(o => o.Scores).GroupBy(s => s.Forecaster).Select(g =>
        {
            string? beats = null;
            bool? survives = null;
            if (g.Key.StartsWith("engine", StringComparison.Ordinal))
            {
                var persistence = run.Origins.Select(o => o.Scores.First(s => s.Forecaster == "persistence")).ToList();
                var wins = run.Origins.Where((o, k) => o.Scores.First(s => s.Forecaster == g.Key).NationalMape < persistence[k].NationalMape).Count();
                beats = string.Create(Invariant, $"{wins} of {run.Origins.Count}");
                survives = 4 * wins >= 3 * run.Origins.Count
                    && g.Average(s => s.NationalMape) < persistence.Average(s => s.NationalMape)
                    && g.Average(s => s.StateMape) < persistence.Average(s => s.StateMape);
            }

            // Coverage pools the origins' years and state-years (an origin with more years held back counts more).
            return new AverageScore(run.Explanations, g.Key, g.Average(s => s.NationalMape), g.Average(s => s.StateMape), g.Average(s => s.NationalCrps), beats)
            {
                NationalCoverage = Pooled(g.Select(s => (s.NationalCoverage, s.NationalCases))),
                StateCoverage = Pooled(g.Select(s => (s.StateCoverage, s.StateCases))),
                Survives = survives,
                Seed = run.Seed,
            };
        })),
    ];

    /// <summary>For each combination and engine forecaster, at how many of the backtest's seeds it met Trust I's conditions.</summary>
    public IReadOnlyList<SeedVerdict> Verdicts() =>
    [
        .. Averages().Where(a => a.Survives is not null).GroupBy(a => (a.Explanations, a.Forecaster))
            .Select(g => new SeedVerdict(g.Key.Explanations, g.Key.Forecaster, g.Count(a => a.Survives == true), g.Count())),
    ];

    // How each origin's engine was fitted, in words.
    private string Fitting() => Settings.Posterior is { } abc
        ? string.Create(Invariant, $"inferred a posterior of its free parameters only from outcomes to that December (ABC-SMC, {abc.Particles} particles, {abc.Generations} generations after the prior's), and each forecast replicate drew its parameters from it")
        : Settings.Starts > 1
            ? string.Create(Invariant, $"was calibrated {Settings.Starts} times, from seeds {Settings.Seed} to {Settings.Seed + (ulong)Settings.Starts - 1}, only on outcomes to that December ({Settings.Search} search candidates, {Settings.Refine} Nelder-Mead iterations, {Settings.CalibrationReplicates} replicates per candidate each), and its forecast pooled the {Settings.ForecastReplicates} replicates of each fit")
            : string.Create(Invariant, $"was calibrated only on outcomes to that December ({Settings.Search} search candidates, {Settings.Refine} Nelder-Mead iterations, {Settings.CalibrationReplicates} replicates per candidate)");

    private static double Pooled(IEnumerable<(double Share, int Cases)> origins)
    {
        var list = origins.Where(o => o.Cases > 0).ToList();
        return list.Count == 0 ? double.NaN : list.Sum(o => o.Share * o.Cases) / list.Sum(o => o.Cases);
    }

    /// <summary>The report as an object for JSON.</summary>
    public object ToJson() => new
    {
        scenario = Scenario,
        settings = new { Settings.Search, Settings.Refine, Settings.CalibrationReplicates, Settings.ForecastReplicates, Settings.Seed, Settings.Starts, Settings.LastYear, posterior = Settings.Posterior },
        wallTimeSeconds = Math.Round(WallTime.TotalSeconds),
        runs = Runs.Select(r => new
        {
            explanations = r.Explanations,
            seed = r.Seed,
            origins = r.Origins.Select(o => new
            {
                origin = o.Origin,
                calibration = new { objective = o.Fit.Objective, evaluations = o.Fit.Evaluations, parameters = o.Fitted, yearErrors = o.Fit.YearErrors.ToDictionary(x => x.Key.ToString(Invariant), x => x.Value) },
                forecastNational = o.Forecasts[0].Years.ToDictionary(y => y.ToString(Invariant), y => o.Forecasts[0].National[y]),
                forecastAnchored = o.Forecasts[1].Years.ToDictionary(y => y.ToString(Invariant), y => o.Forecasts[1].National[y]),
                forecastWithModelError = WithModelError(o) is { } withError
                    ? withError.Years.ToDictionary(y => y.ToString(Invariant), y => Paz.Simulation.Agents.Band.Of(withError.National[y]))
                    : null,
                scores = o.Scores.Select(s => new
                {
                    forecaster = s.Forecaster,
                    nationalApe = s.NationalApe.ToDictionary(x => x.Key.ToString(Invariant), x => x.Value),
                    nationalMape = s.NationalMape,
                    stateMape = s.StateMape,
                    stateSpearman = s.StateSpearman,
                    nationalCoverage = Finite(s.NationalCoverage),
                    stateCoverage = Finite(s.StateCoverage),
                    nationalCrps = s.NationalCrps,
                    stateCrps = s.StateCrps,
                }),
            }),
        }),
        averages = Averages().Select(a => new
        {
            explanations = a.Explanations,
            forecaster = a.Forecaster,
            nationalMape = a.NationalMape,
            stateMape = a.StateMape,
            nationalCrps = a.NationalCrps,
            seed = a.Seed,
            beatsPersistence = a.BeatsPersistence,
            survives = a.Survives,
            nationalCoverage = Finite(a.NationalCoverage),
            stateCoverage = Finite(a.StateCoverage),
        }),
        verdicts = Verdicts().Select(v => new { explanations = v.Explanations, forecaster = v.Forecaster, survived = v.Survived, seeds = v.Seeds }),
    };

    /// <summary>The report as a self-contained HTML page: a chart per origin (the engine's band against the observed series and the yardsticks), then the tables.</summary>
    public string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Paz: backtest</title>");
        html.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:auto;padding:1em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}svg{max-width:100%;height:auto}.charts{display:grid;grid-template-columns:1fr 1fr;gap:1em}</style></head><body>");
        html.Append(Invariant, $"<h1>Backtest of {WebUtility.HtmlEncode(Scenario)}</h1>");
        html.Append(Invariant, $"<p>At each origin the engine {Fitting()}, then ran the policy in force to December {Settings.LastYear} ({Settings.Starts * Settings.ForecastReplicates} replicates). Persistence repeats the origin's year; the damped trend extrapolates each state's log-linear trend of the five years to the origin, damped by {Yardsticks.Damping} a year. Wall time {WallTime.TotalMinutes:0.0} minutes. Lower is better except for ρ and coverage (a 90% band should cover about 90%).</p>");
        html.Append("<h2>Average over origins</h2><table><tr><th>Explanations</th><th>Forecaster</th><th>National MAPE</th><th>State MAPE</th><th>CRPS national</th><th>Engine beats persistence (national)</th><th>Meets Trust I's conditions</th><th>90% band covers: national years</th><th>state-years</th></tr>");
        foreach (var a in Averages())
        {
            html.Append(Invariant, $"<tr><td>{WebUtility.HtmlEncode(a.Label)}</td><td>{a.Forecaster}</td><td>{Percent(a.NationalMape)}</td><td>{Percent(a.StateMape)}</td><td>{a.NationalCrps:#,0}</td><td>{a.BeatsPersistence}</td><td>{YesNo(a.Survives)}</td><td>{Percent(a.NationalCoverage)}</td><td>{Percent(a.StateCoverage)}</td></tr>");
        }

        html.Append("</table>");
        if (Runs.Any(r => r.Seed is not null))
        {
            html.Append("<h2>Over the seeds</h2><p>A verdict that holds at one seed of the calibrations and not at another rests on the optimizer's draw, not on the engine.</p><table><tr><th>Explanations</th><th>Forecaster</th><th>Meets Trust I's conditions</th></tr>");
            foreach (var v in Verdicts())
            {
                html.Append(Invariant, $"<tr><td>{WebUtility.HtmlEncode(v.Explanations)}</td><td>{v.Forecaster}</td><td>at {v.Survived} of {v.Seeds} seeds</td></tr>");
            }

            html.Append("</table>");
        }

        foreach (var run in Runs)
        {
            html.Append(Invariant, $"<h2>Explanations: {WebUtility.HtmlEncode(run.Label)}</h2><div class=\"charts\">");
            foreach (var o in run.Origins)
            {
                html.Append(Chart(o));
            }

            html.Append("</div><table><tr><th>Origin</th><th>Forecaster</th><th>National MAPE</th><th>State MAPE</th><th>State ρ</th><th>Coverage national</th><th>Coverage states</th><th>CRPS national</th><th>CRPS state</th></tr>");
            foreach (var o in run.Origins)
            {
                foreach (var s in o.Scores)
                {
                    html.Append(Invariant, $"<tr><td>{o.Origin}</td><td>{s.Forecaster}</td><td>{Percent(s.NationalMape)}</td><td>{Percent(s.StateMape)}</td><td>{s.StateSpearman:0.00}</td><td>{Percent(s.NationalCoverage)}</td><td>{Percent(s.StateCoverage)}</td><td>{s.NationalCrps:#,0}</td><td>{s.StateCrps:#,0}</td></tr>");
                }
            }

            html.Append("</table>");
        }

        return html.Append("</body></html>").ToString();
    }

    // National homicides: the engine's 5th-95th band and mean after the origin, the yardsticks, the observed series.
    private string Chart(OriginResult origin)
    {
        var plot = new ScottPlot.Plot();
        var engine = origin.Forecasts[0];
        double[] xs = [.. engine.Years.Select(y => (double)y)];
        var bands = engine.Years.Select(y => Paz.Simulation.Agents.Band.Of(engine.National[y])).ToList();
        double[] low = [.. bands.Select(b => b.P5)];
        double[] high = [.. bands.Select(b => b.P95)];
        double[] middle = [.. bands.Select(b => b.Mean)];
        var fill = plot.Add.FillY(xs, low, high);
        fill.FillColor = ScottPlot.Color.FromHex("#1f77b4").WithAlpha(0.25);
        fill.LineColor = ScottPlot.Colors.Transparent;
        var mean = plot.Add.Scatter(xs, middle);
        mean.Color = ScottPlot.Color.FromHex("#1f77b4");
        mean.LegendText = "engine (mean, 5th-95th band)";
        string[] colors = ["#9467bd", "#ff7f0e", "#2ca02c"];
        for (var k = 1; k < origin.Forecasts.Count; k++)
        {
            var f = origin.Forecasts[k];
            double[] values = [.. f.Years.Select(f.NationalMean)];
            var line = plot.Add.Scatter(xs, values);
            line.Color = ScottPlot.Color.FromHex(colors[(k - 1) % colors.Length]);
            line.MarkerSize = 4; // solid: the SVG canvas draws no dash patterns
            line.LegendText = f.Name;
        }

        if (ObservedNational.Count > 0)
        {
            double[] years = [.. ObservedNational.Keys.Order().Select(y => (double)y)];
            double[] counts = [.. ObservedNational.Keys.Order().Select(y => ObservedNational[y])];
            var observed = plot.Add.Scatter(years, counts);
            observed.Color = ScottPlot.Colors.Black;
            observed.MarkerSize = 6;
            observed.LegendText = "INEGI, observed";
        }

        if (WithModelError(origin) is { } withError)
        {
            var errorBands = withError.Years.Select(y => Paz.Simulation.Agents.Band.Of(withError.National[y])).ToList();
            var band = plot.Add.FillY(xs, [.. errorBands.Select(b => b.P5)], [.. errorBands.Select(b => b.P95)]);
            band.FillColor = ScottPlot.Color.FromHex("#9467bd").WithAlpha(0.12);
            band.LineColor = ScottPlot.Color.FromHex("#9467bd").WithAlpha(0.5);
            band.LegendText = "with model error (5th-95th)";
            bands.AddRange(errorBands);
        }

        var line0 = plot.Add.VerticalLine(origin.Origin + 0.5);
        line0.Color = ScottPlot.Colors.Gray;
        plot.Title(string.Create(Invariant, $"Origin December {origin.Origin}"));
        plot.Axes.Left.Label.Text = "National homicides";
        plot.Axes.SetLimitsY(0, Math.Max(ObservedNational.Values.DefaultIfEmpty(0).Max(), bands.Max(b => b.P95)) * 1.1);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot.GetSvgXml(520, 360);
    }

    // The engine's forecast with the model error, where the origin has one.
    private static Paz.Simulation.Backtesting.Forecast? WithModelError(OriginResult origin) =>
        origin.Forecasts.FirstOrDefault(f => f.Name.EndsWith(Paz.Simulation.Backtesting.ModelDiscrepancy.NameSuffix, StringComparison.Ordinal));

    private static double? Finite(double x) => double.IsNaN(x) ? null : x;

    private static string Percent(double x) => double.IsNaN(x) ? "–" : x.ToString("0.0%", Invariant);

    private static string YesNo(bool? x) => x switch { true => "yes", false => "no", null => "" };
}
