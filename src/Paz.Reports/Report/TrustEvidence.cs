using System.Globalization;
using System.Net;
using System.Text;
using Paz.Reports.Backtests;
using Paz.Reports.Sensitivity;

namespace Paz.Reports.Report;

/// <summary>A backtest's scores averaged over its origins, as <c>paz backtest</c> stored them (backtest.json).</summary>
/// <param name="Source">The file read, and when it was written.</param>
/// <param name="Scenario">The scenario backtested.</param>
/// <param name="Origins">The origins (Decembers) forecast from.</param>
/// <param name="Averages">Each forecaster's scores averaged over the origins, per combination of explanations.</param>
public sealed record BacktestEvidence(string Source, string Scenario, IReadOnlyList<int> Origins, IReadOnlyList<AverageScore> Averages);

/// <summary>A sensitivity ranking, as <c>paz sensitivity --out</c> stored it.</summary>
/// <param name="Source">The file read, and when it was written.</param>
/// <param name="Title">What the output was (scenario, measure, year).</param>
/// <param name="ValueLabel">What a bar's length measures (μ*, or the total index).</param>
/// <param name="SpreadLabel">What its whisker measures (σ, or the first-order index).</param>
/// <param name="Bars">One bar per parameter, assumed parameters flagged.</param>
/// <param name="Range">How far the output ranged over the design, in words.</param>
public sealed record SensitivityEvidence(string Source, string Title, string ValueLabel, string SpreadLabel, IReadOnlyList<TornadoBar> Bars, string Range);

/// <summary>
/// The report's section on how far to trust it: the backtests' scores against persistence and a damped trend, and the
/// sensitivity tornadoes with the assumed parameters marked. Both come from long runs (minutes to hours) stored by their commands;
/// where none was given the section names the commands, so the reader knows the check is missing rather than passed.
/// </summary>
public static class TrustEvidence
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Appends the section.</summary>
    public static void Append(StringBuilder html, BacktestEvidence? backtest, IReadOnlyList<SensitivityEvidence> sensitivity)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(sensitivity);
        html.Append("<section id=\"trust\"><h2>How far to trust it: backtests and sensitivity</h2>");
        html.Append("<h3>Forecasting history it was not fitted to</h3>");
        if (backtest is null)
        {
            html.Append("<p class=\"assumed\">No backtest was given to this report: it has not been checked here against history held out from the fit. <code>paz backtest scenarios/history.yaml</code> (about 11 minutes on two cores) writes <code>runs/backtest/history/backtest.json</code>, which <code>paz report</code> reads by default (or <code>--backtest FILE</code>).</p>");
        }
        else
        {
            html.Append(Invariant, $"<p>{E(backtest.Scenario)}: fitted only on outcomes to each origin (December {string.Join(", ", backtest.Origins)}), scored on the years after it. MAPE: mean absolute percentage error; coverage: share of held-back years (state-years) inside the 90% band; CRPS: continuous ranked probability score. Source: {E(backtest.Source)}.</p>");
            html.Append("<table><tr><th>Explanations</th><th>Forecaster</th><th>National MAPE</th><th>State MAPE</th><th>National CRPS</th><th>National coverage</th><th>State coverage</th><th>Beats persistence</th></tr>");
            foreach (var a in backtest.Averages)
            {
                html.Append(Invariant, $"<tr><td>{E(a.Explanations)}</td><td class=\"text\">{E(a.Forecaster)}</td><td>{a.NationalMape:P1}</td><td>{a.StateMape:P1}</td><td>{a.NationalCrps:N0}</td><td>{Share(a.NationalCoverage)}</td><td>{Share(a.StateCoverage)}</td><td>{E(a.BeatsPersistence ?? "–")}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h3>Which parameters decide the outcomes</h3>");
        if (sensitivity.Count == 0)
        {
            html.Append("<p class=\"assumed\">No sensitivity analysis was given to this report. <code>paz sensitivity scenarios/recommended.yaml --versus scenarios/plan-2018.yaml --year 2021 --out runs/sensitivity/recommended-vs-plan.json</code> (Morris screening; <code>--method sobol --parameters …</code> for Sobol' indices) writes one; <code>paz report</code> reads every <code>runs/sensitivity/*.json</code> by default (or <code>--sensitivity FILE</code>).</p>");
        }

        foreach (var s in sensitivity)
        {
            var top = Math.Min(10, s.Bars.Count);
            var assumed = s.Bars.Take(top).Count(b => b.Assumed);
            html.Append(Invariant, $"<p>{E(s.Title)}: {E(s.Range)}. Assumed rather than sourced (orange): {assumed} of the {top} most influential parameters; a conclusion they move rests on those assumptions. Source: {E(s.Source)}.</p>");
            html.Append("<figure class=\"tornado\">").Append(InlineSvg.Of(TornadoChart.Svg(s.Bars, s.Title, s.ValueLabel, s.SpreadLabel))).Append("</figure>");
        }

        html.Append("</section>");
    }

    private static string Share(double share) => double.IsNaN(share) ? "–" : share.ToString("P0", Invariant);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
