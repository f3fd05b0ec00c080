using System.Globalization;
using System.Net;
using System.Text;
using Paz.Simulation.Agents;

namespace Paz.Reports.Compare;

/// <summary>One scenario's ensemble summary, for comparison.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">What it encodes.</param>
/// <param name="Replicates">Ensemble size.</param>
/// <param name="Years">Summary by year.</param>
public sealed record ScenarioOutcome(string Name, string Description, int Replicates, IReadOnlyList<YearSummary> Years)
{
    /// <summary>Years whose simulated change of national homicides lies outside the country's record (<see cref="Plausibility"/>).</summary>
    public IReadOnlyList<ImplausibleChange> Implausible { get; init; } = [];
}

/// <summary>A national rate per year with its band: one line of <see cref="ComparisonReport.Chart(IReadOnlyList{RateSeries}, IReadOnlyDictionary{int, double})"/>.</summary>
/// <param name="Name">The line's name (a scenario, a stored run).</param>
/// <param name="Years">Calendar years.</param>
/// <param name="Rates">Homicides per 100,000 in each year: mean, 5th and 95th percentiles.</param>
public sealed record RateSeries(string Name, IReadOnlyList<int> Years, IReadOnlyList<Band> Rates);

/// <summary>The comparison report of <c>paz compare</c>: one chart (national homicide rate per year per scenario, with bands) and the table.</summary>
public static class ComparisonReport
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <summary>The chart as SVG (ScottPlot): each scenario's mean rate with its 5th-95th percentile band, and the observed rate.</summary>
    public static string Chart(IReadOnlyList<ScenarioOutcome> scenarios, IReadOnlyDictionary<int, double> observedRate)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return Chart([.. scenarios.Select(s => new RateSeries(s.Name, [.. s.Years.Select(y => y.Year)], [.. s.Years.Select(y => y.RatePer100k)]))], observedRate);
    }

    /// <summary>The chart as SVG (ScottPlot): each series' mean rate with its 5th-95th percentile band, and the observed rate.</summary>
    public static string Chart(IReadOnlyList<RateSeries> series, IReadOnlyDictionary<int, double> observedRate)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(observedRate);
        var plot = new ScottPlot.Plot();
        for (var i = 0; i < series.Count; i++)
        {
            var color = ScottPlot.Color.FromHex(Palette[i % Palette.Length]);
            double[] xs = [.. series[i].Years.Select(y => (double)y)];
            double[] low = [.. series[i].Rates.Select(r => r.P5)];
            double[] high = [.. series[i].Rates.Select(r => r.P95)];
            double[] mean = [.. series[i].Rates.Select(r => r.Mean)];
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = color.WithAlpha(0.25);
            band.LineColor = color.WithAlpha(0);
            var line = plot.Add.Scatter(xs, mean);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = $"{series[i].Name} (mean, 5th-95th percentile band)";
        }

        if (observedRate.Count > 0)
        {
            double[] years = [.. observedRate.Keys.Select(y => (double)y)];
            double[] rates = [.. observedRate.Values];
            var observed = plot.Add.Scatter(years, rates);
            observed.Color = ScottPlot.Colors.Black;
            observed.MarkerSize = 8;
            observed.LegendText = "INEGI, observed (by occurrence)";
        }

        var allYears = series.SelectMany(s => s.Years).Concat(observedRate.Keys).Distinct().Order().ToList();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var y in allYears)
        {
            ticks.AddMajor(y, y.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.Label.Text = "Year";
        plot.Axes.Left.Label.Text = "Homicides per 100,000 inhabitants";
        plot.Axes.SetLimitsY(0, Math.Max(5, series.SelectMany(s => s.Rates).Select(r => r.P95).Concat(observedRate.Values).DefaultIfEmpty(0).Max() * 1.15));
        plot.Title("National homicide rate per year");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot.GetSvgXml(1000, 520);
    }

    /// <summary>The whole report as a self-contained HTML page.</summary>
    public static string Html(IReadOnlyList<ScenarioOutcome> scenarios, IReadOnlyDictionary<int, double> observedRate, string dataNote, IReadOnlyList<Paz.Simulation.Agents.PairedDifference>? differences = null, string? modelErrorSection = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Paz: scenario comparison</title>");
        html.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:auto;padding:1em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}svg{max-width:100%;height:auto}</style></head><body>");
        html.Append("<h1>Scenario comparison</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{scenarios.Count} scenarios of Paz's agent-based engine on Mexico's 2,469 municipalities. {WebUtility.HtmlEncode(dataNote)}</p><ul>");
        foreach (var s in scenarios)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{WebUtility.HtmlEncode(s.Name)}</b> ({s.Replicates} replicates): {WebUtility.HtmlEncode(s.Description)}</li>");
        }

        html.Append("</ul>");
        html.Append(Chart(scenarios, observedRate));
        html.Append(PlausibilitySection(scenarios));
        html.Append("<h2>The plan's promise: 4 homicides per 100,000 in 2021</h2><table><tr><th>Scenario</th><th>Rate in 2021 (mean)</th><th>5th-95th percentile</th><th>Probability of at most 4 per 100,000</th></tr>");
        foreach (var s in scenarios)
        {
            var y2021 = s.Years.FirstOrDefault(y => y.Year == 2021);
            html.Append(y2021 is null
                ? $"<tr><td>{WebUtility.HtmlEncode(s.Name)}</td><td colspan=\"3\">not run to 2021</td></tr>"
                : string.Create(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(s.Name)}</td><td>{y2021.RatePer100k.Mean:0.0}</td><td>{y2021.RatePer100k.P5:0.0} – {y2021.RatePer100k.P95:0.0}</td><td>{y2021.ShareMeetingPromise:P0} (90%: {Promise(y2021, s.Replicates)}; {s.Replicates} replicates)</td></tr>"));
        }

        html.Append("</table>");
        if (differences is { Count: > 0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Paired differences in {differences[0].Year}</h2><p>National homicides of one scenario minus another, replicate by replicate: replicate k of each ran the same seed (and, with a posterior, the same parameters), so what they share cancels and the interval is narrower than the two bands suggest.</p><table><tr><th>Difference</th><th>Mean</th><th>5th-95th percentile</th><th>Below zero in</th></tr>");
            foreach (var d in differences)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(d.Scenario)} − {WebUtility.HtmlEncode(d.Against)}</td><td>{d.Difference.Mean:N0}</td><td>{d.Difference.P5:N0} to {d.Difference.P95:N0}</td><td>{d.ShareBelowZero:P0} of {d.Pairs}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append(modelErrorSection ?? string.Empty);
        html.Append(AmnestySection(scenarios));
        html.Append("<h2>National homicides per year</h2><table><tr><th>Scenario</th><th>Year</th><th>Homicides (mean)</th><th>5th-95th percentile</th><th>Rate per 100,000</th><th>Rate band</th><th>Observed rate</th></tr>");
        foreach (var s in scenarios)
        {
            foreach (var y in s.Years)
            {
                var observed = observedRate.TryGetValue(y.Year, out var o) ? o.ToString("0.0", CultureInfo.InvariantCulture) : "–";
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{WebUtility.HtmlEncode(s.Name)}</td><td>{y.Year}</td><td>{y.Homicides.Mean:N0}</td><td>{y.Homicides.P5:N0} – {y.Homicides.P95:N0}</td><td>{y.RatePer100k.Mean:0.0}</td><td>{y.RatePer100k.P5:0.0} – {y.RatePer100k.P95:0.0}</td><td>{observed}</td></tr>");
            }
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    /// <summary>The amnesty's applications, decisions, releases and revocations and the prisons' population by year, for the scenarios that run an amnesty (empty when none does).</summary>
    public static string AmnestySection(IReadOnlyList<ScenarioOutcome> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var rows = scenarios.SelectMany(s => s.Years.Where(y => y.Amnesty is not null).Select(y => (s.Name, Year: y))).ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        static string Cell(Paz.Simulation.Agents.Band b) => string.Create(CultureInfo.InvariantCulture, $"{b.Mean:N0} <small>({b.P5:N0}–{b.P95:N0})</small>");
        var html = new StringBuilder("<h2>Amnesty and prisons</h2><p>Applications, decisions and releases in each year under the scenario's amnesty law, screened by the tribunal's rules code (docs/amnesty.md); mean and 5th-95th percentile over the replicates. Prisoners: everyone held in state prisons at the year's end.</p>");
        html.Append("<table><tr><th>Scenario</th><th>Year</th><th>Applications</th><th>Granted</th><th>Denied</th><th>Revoked</th><th>Prisoners</th></tr>");
        foreach (var (name, y) in rows)
        {
            var a = y.Amnesty!;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(name)}</td><td>{y.Year}</td><td>{Cell(a.Applications)}</td><td>{Cell(a.Granted)}</td><td>{Cell(a.Denied)}</td><td>{Cell(a.Revoked)}</td><td>{(y.PrisonPopulation is { } p ? Cell(p) : "–")}</td></tr>");
        }

        html.Append("</table>");
        return html.ToString();
    }

    // The Jeffreys 90% interval of the share of replicates meeting the promise.
    private static string Promise(Paz.Simulation.Agents.YearSummary year, int replicates)
    {
        var (low, high) = Paz.Simulation.Agents.Proportion.Jeffreys90((int)Math.Round(year.ShareMeetingPromise * replicates), replicates);
        return string.Create(CultureInfo.InvariantCulture, $"{low:P0}–{high:P0}");
    }

    /// <summary>The plausibility flags of every scenario: a response larger than any in the record needs a published effect size to be believed.</summary>
    /// <param name="scenarios">The scenarios compared.</param>
    /// <param name="heading">The section heading's element (h2 in the comparison, h3 in the analyst's summary).</param>
    public static string PlausibilitySection(IReadOnlyList<ScenarioOutcome> scenarios, string heading = "h2")
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var html = new StringBuilder($"<{heading}>Plausibility: one-year changes outside Mexico's record</{heading}>");
        var flagged = scenarios.Where(s => s.Implausible.Count > 0).ToList();
        if (flagged.Count == 0)
        {
            return html.Append("<p>Every simulated one-year change of national homicides lies inside the range INEGI's national series has shown (1990-2018).</p>").ToString();
        }

        html.Append("<p>These simulated one-year changes of national homicides lie outside the range INEGI's national series has shown (1990-2018). A conclusion that rests on them rests on a response larger than any in the record; the mechanisms named moved most that year.</p><table><tr><th>Scenario</th><th>Year</th><th>Change</th><th>Mechanisms that moved most (change in homicides)</th></tr>");
        foreach (var s in flagged)
        {
            foreach (var f in s.Implausible)
            {
                var movers = string.Join("; ", f.Movers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Mechanism} {m.Change:+#,0;-#,0;0}")));
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(s.Name)}</td><td>{f.Year}</td><td>{f.Change:+0.0%;-0.0%}</td><td>{WebUtility.HtmlEncode(movers)}</td></tr>");
            }
        }

        return html.Append("</table>").ToString();
    }
}
