using System.Globalization;
using System.Net;
using System.Text;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;

namespace Paz.Reports.Compare;

/// <summary>One scenario's outlook with the engine's structural error, in the promise's year.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Rate">National rate per 100,000 with the error.</param>
/// <param name="Meeting">Draws at or below the promised rate.</param>
/// <param name="Draws">Draws in all (replicates × paths).</param>
public sealed record ModelErrorRow(string Scenario, Band Rate, int Meeting, int Draws);

/// <summary>The comparison's section on the engine's structural error: what the bands become when they carry it.</summary>
public static class ModelErrorSection
{
    /// <summary>Each scenario's row in <paramref name="year"/> (scenarios not run to it are left out).</summary>
    public static IReadOnlyList<ModelErrorRow> Rows(IEnumerable<ModelErrorOutlook?> outlooks, int year) =>
    [
        .. outlooks.OfType<ModelErrorOutlook>().Where(o => o.Draws.ContainsKey(year)).Select(o =>
        {
            var (meeting, draws) = o.AtMost(year, YearSummary.PromisedRate);
            return new ModelErrorRow(o.Scenario, o.Rate(year), meeting, draws);
        }),
    ];

    /// <summary>Each pair's paired difference of national homicides with the error in <paramref name="year"/> (later − earlier).</summary>
    public static IReadOnlyList<(string Scenario, string Against, Band Difference)> Differences(IReadOnlyList<ModelErrorOutlook?> outlooks, int year)
    {
        ArgumentNullException.ThrowIfNull(outlooks);
        var present = outlooks.OfType<ModelErrorOutlook>().Where(o => o.Draws.ContainsKey(year)).ToList();
        return [.. present.SelectMany((a, i) => present.Skip(i + 1).Select(b => (b.Scenario, a.Scenario, b.DifferenceFrom(a, year))))];
    }

    /// <summary>The section as HTML; <paramref name="source"/> says where the error was measured.</summary>
    public static string Html(IReadOnlyList<ModelErrorOutlook?> outlooks, string source, int year)
    {
        ArgumentNullException.ThrowIfNull(outlooks);
        var rows = Rows(outlooks, year);
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var invariant = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append(invariant, $"<h2>With the engine's structural error, {year}</h2><p>{WebUtility.HtmlEncode(source)} The error is a random walk of the log gap between INEGI and the engine, started from each run's gap in 2018 (from none for a run that does not simulate the whole of 2018) and stepping as it did on the replay; the backtests found such bands to cover the years held back from them (docs/validity.md). Every scenario shares the error's paths, so a difference keeps its sign in each pair.</p>");
        html.Append("<table><tr><th>Scenario</th><th>Rate per 100,000 (mean)</th><th>5th-95th percentile</th><th>Probability of at most 4 per 100,000</th></tr>");
        foreach (var r in rows)
        {
            html.Append(invariant, $"<tr><td>{WebUtility.HtmlEncode(r.Scenario)}</td><td>{r.Rate.Mean:0.0}</td><td>{r.Rate.P5:0.0} – {r.Rate.P95:0.0}</td><td>{r.Meeting / (double)r.Draws:P1} ({r.Meeting} of {r.Draws})</td></tr>");
        }

        html.Append("</table><table><tr><th>Paired difference of national homicides</th><th>Mean</th><th>5th-95th percentile</th></tr>");
        foreach (var (scenario, against, d) in Differences(outlooks, year))
        {
            html.Append(invariant, $"<tr><td>{WebUtility.HtmlEncode(scenario)} − {WebUtility.HtmlEncode(against)}</td><td>{d.Mean:N0}</td><td>{d.P5:N0} to {d.P95:N0}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }
}
