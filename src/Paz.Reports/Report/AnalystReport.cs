using System.Globalization;
using System.Net;
using System.Text;
using Paz.Core.Territory;
using Paz.Reports.Compare;
using Paz.Reports.Maps;
using Paz.Simulation.Agents;

namespace Paz.Reports.Report;

/// <summary>One scenario as the report shows it.</summary>
/// <param name="Outcome">Its ensemble's summary by year.</param>
/// <param name="Levers">What it changes, with the passage each lever encodes.</param>
/// <param name="StateRates">Mean homicides per 100,000 in the report's year by state code (cve_ent).</param>
/// <param name="MunicipalRates">Mean homicides per 100,000 in the report's year by municipality code (cve_mun).</param>
/// <param name="File">The scenario file.</param>
/// <param name="Sha256">The file's SHA-256 (its bases' not included).</param>
/// <param name="Seed">The ensemble's seed.</param>
public sealed record ReportScenario(
    ScenarioOutcome Outcome,
    IReadOnlyList<LeverPassage> Levers,
    IReadOnlyDictionary<string, double> StateRates,
    IReadOnlyDictionary<string, double> MunicipalRates,
    string File,
    string Sha256,
    ulong Seed)
{
    /// <summary>National Guard officers per 1,000 inhabitants in the report's year by municipality code (mean over the year's weeks, first replicate), empty when the scenario deploys no Guard.</summary>
    public IReadOnlyDictionary<string, double> GuardDensity { get; init; } = new Dictionary<string, double>();

    /// <summary>The Guard's planning region of each municipality code when the scenario deploys by the plan's regions, else empty.</summary>
    public IReadOnlyDictionary<string, int> GuardRegionOf { get; init; } = new Dictionary<string, int>();
}

/// <summary>Everything the report shows.</summary>
/// <param name="Atlas">The atlas (shapes, names).</param>
/// <param name="Year">The year the summary, maps and tables read (the promise's, 2021, by default).</param>
/// <param name="Scenarios">The scenarios, in the order given.</param>
/// <param name="Reference">The scenario the difference maps are drawn against (the plan as announced, when present).</param>
/// <param name="Differences">Paired differences of national homicides in <paramref name="Year"/>.</param>
/// <param name="ObservedRate">INEGI's national rate per year.</param>
/// <param name="ObservedStateRates">INEGI's rate by state (cve_ent) in the last observed year.</param>
/// <param name="ObservedYear">That year.</param>
/// <param name="UncertaintyNote">What the bands hold.</param>
/// <param name="Version">The code's version (with its commit).</param>
/// <param name="Posterior">Where the replicates' parameters came from.</param>
public sealed record ReportInput(
    Atlas Atlas,
    int Year,
    IReadOnlyList<ReportScenario> Scenarios,
    string Reference,
    IReadOnlyList<PairedDifference> Differences,
    IReadOnlyDictionary<int, double> ObservedRate,
    IReadOnlyDictionary<string, double> ObservedStateRates,
    int ObservedYear,
    string UncertaintyNote,
    string Version,
    string Posterior)
{
    /// <summary>The backtest's scores, if one was given (<see cref="TrustEvidence"/>).</summary>
    public BacktestEvidence? Backtest { get; init; }

    /// <summary>The summary's section on the engine's structural error (<see cref="Compare.ModelErrorSection"/>), when a model-error file was read.</summary>
    public string? ModelErrorSection { get; init; }

    /// <summary>The sensitivity rankings given.</summary>
    public IReadOnlyList<SensitivityEvidence> Sensitivity { get; init; } = [];
}

/// <summary>
/// The analyst's report (<c>paz report</c>): one self-contained HTML page (inline SVG, no network) that opens with a
/// summary a minister can read — what each scenario changes and why, the headline outcomes with their intervals, the
/// paired differences and which of them survive the uncertainty — then the national fan chart, maps by state and by
/// municipality of each scenario and of its difference from the reference, a table by state, every pillar's outputs
/// and the provenance of it all.
/// </summary>
public static class AnalystReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Nine-class blue-white-red (ColorBrewer RdBu, reversed): fewer homicides blue, more red.</summary>
    public static readonly IReadOnlyList<string> BlueWhiteRed = ["#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b"];

    /// <summary>Share of paired draws that must agree on a difference's sign for it to count as surviving the uncertainty.</summary>
    public const double Agreement = 0.9;

    /// <summary>The report as HTML.</summary>
    public static string Html(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Paz: analyst's report</title><style>");
        html.Append("body{font-family:sans-serif;max-width:1150px;margin:auto;padding:1em;color:#222}table{border-collapse:collapse;margin:1em 0;font-size:90%}");
        html.Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}th:first-child,td:first-child,td.text{text-align:left}");
        html.Append("svg{max-width:100%;height:auto}.maps{display:flex;flex-wrap:wrap;gap:1em}.maps figure{flex:1 1 520px;margin:0}");
        html.Append(".survives{color:#1a7f37}.assumed{color:#9a6700}section{page-break-inside:auto}h2{page-break-before:always}#summary h2{page-break-before:avoid}");
        html.Append("footer{margin-top:2em;font-size:85%;color:#555}</style></head><body>");
        html.Append("<h1>Paz: analyst's report</h1>");
        Summary(html, input);
        National(html, input);
        Maps(html, input);
        States(html, input);
        Pillars(html, input);
        TrustEvidence.Append(html, input.Backtest, input.Sensitivity);
        Footer(html, input);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, ReportInput input)
    {
        var year = input.Year;
        html.Append("<section id=\"summary\"><h2>Summary</h2>");
        html.Append(Invariant, $"<p>Homicides in {year} under {input.Scenarios.Count} scenarios of Mexico's security policy, simulated on the real municipalities. {E(input.UncertaintyNote)} Intervals are the 5th to 95th percentiles of the replicates.</p>");
        html.Append(Invariant, $"<table><tr><th>Scenario</th><th>Homicides per 100,000, {year}</th><th>Homicides, {year}</th><th>Chance of at most {YearSummary.PromisedRate:0} per 100,000</th></tr>");
        foreach (var s in input.Scenarios)
        {
            var y = s.Outcome.Years.FirstOrDefault(x => x.Year == year);
            html.Append(Invariant, $"<tr><td>{E(s.Outcome.Name)}</td><td>{(y is null ? "–" : $"{y.RatePer100k.Mean:0.0} ({y.RatePer100k.P5:0.0}–{y.RatePer100k.P95:0.0})")}</td>");
            html.Append(Invariant, $"<td>{(y is null ? "–" : $"{y.Homicides.Mean:N0} ({y.Homicides.P5:N0}–{y.Homicides.P95:N0})")}</td><td>{(y is null ? "–" : Chance(y.ShareMeetingPromise, s.Outcome.Replicates))}</td></tr>");
        }

        html.Append("</table>");
        if (input.Differences.Count > 0)
        {
            html.Append(Invariant, $"<h3>Differences, {year}, replicate by replicate</h3><p>Each pair of scenarios ran on the same seeds and, when drawn from a posterior, the same parameters, so a difference's interval is narrower than the two bands suggest. A conclusion <span class=\"survives\">survives the uncertainty</span> when at least {Agreement:P0} of the paired draws agree on its sign; otherwise it <span class=\"assumed\">rests on assumptions</span> (which parameters decide it: <code>paz sensitivity</code>).</p><ul>");
            foreach (var d in input.Differences)
            {
                var fewer = d.ShareBelowZero >= 0.5;
                var agree = fewer ? d.ShareBelowZero : 1 - d.ShareBelowZero;
                var verdict = agree >= Agreement ? "<span class=\"survives\">survives the uncertainty</span>" : "<span class=\"assumed\">rests on assumptions</span>";
                html.Append(Invariant, $"<li><b>{E(d.Scenario)}</b> has {(fewer ? "fewer" : "more")} homicides than <b>{E(d.Against)}</b> in {d.Year}: {d.Difference.Mean:N0} ({d.Difference.P5:N0} to {d.Difference.P95:N0}); in {agree:P0} of {d.Pairs} paired draws — {verdict}.</li>");
            }

            html.Append("</ul>");
        }

        html.Append(input.ModelErrorSection ?? string.Empty);
        html.Append(ComparisonReport.PlausibilitySection([.. input.Scenarios.Select(s => s.Outcome)], "h3"));
        html.Append("<h3>What each scenario changes</h3>");
        // Levers every scenario sets alike (a shared history, or the base they all build on) are shown once.
        var common = input.Scenarios.Count > 1
            ? input.Scenarios.Skip(1).Aggregate(input.Scenarios[0].Levers.Select(Key).ToHashSet(), (set, s) => { set.IntersectWith(s.Levers.Select(Key)); return set; })
            : [];
        if (common.Count > 0)
        {
            html.Append("<h4>Common to every scenario</h4>");
            LeverTable(html, [.. input.Scenarios[0].Levers.Where(l => common.Contains(Key(l)))]);
        }

        foreach (var s in input.Scenarios)
        {
            html.Append(Invariant, $"<h4>{E(s.Outcome.Name)}</h4><p>{E(s.Outcome.Description)}</p>");
            var own = s.Levers.Where(l => !common.Contains(Key(l))).ToList();
            if (own.Count == 0)
            {
                html.Append(s.Levers.Count == 0 ? "<p>No lever set: the engine's defaults.</p>" : "<p>Nothing beyond the levers common to every scenario.</p>");
                continue;
            }

            LeverTable(html, own);
        }

        html.Append("</section>");
    }

    private static (DateOnly From, string Lever, string Value) Key(LeverPassage l) => (l.From, l.Lever, l.Value);

    private static void LeverTable(StringBuilder html, IReadOnlyList<LeverPassage> levers)
    {
        html.Append("<table><tr><th>From</th><th>Lever</th><th>Value</th><th>Why (the file's comment: the passage it encodes)</th></tr>");
        LeverPassage? previous = null;
        foreach (var l in levers)
        {
            // A comment above a group of levers covers the group: the file leaves the others without one.
            var why = l.Passage.Length > 0 ? E(l.Passage) : previous is { } p && p.From == l.From && p.File == l.File ? "<i>(the passage above)</i>" : "";
            html.Append(Invariant, $"<tr><td>{l.From:yyyy-MM}</td><td class=\"text\"><code>{E(l.Lever)}</code></td><td class=\"text\">{E(l.Value)}</td><td class=\"text\">{why}</td></tr>");
            previous = l;
        }

        html.Append("</table>");
    }

    private static void National(StringBuilder html, ReportInput input)
    {
        html.Append("<section id=\"national\"><h2>National homicide rate</h2>");
        var chart = ComparisonReport.Chart([.. input.Scenarios.Select(s => s.Outcome)], input.ObservedRate);
        html.Append(InlineSvg.Of(chart));
        html.Append("</section>");
    }

    private static void Maps(StringBuilder html, ReportInput input)
    {
        var atlas = input.Atlas;
        var year = input.Year;
        var rates = OutcomeMaps.RateScale;
        var differences = new ColorScale([-20, -10, -5, -1, 1, 5, 10, 20], BlueWhiteRed);
        var reference = input.Scenarios.FirstOrDefault(s => s.Outcome.Name == input.Reference);
        html.Append(Invariant, $"<section id=\"maps\"><h2>Where violence goes, {year}</h2>");
        html.Append(Invariant, $"<h3>By state</h3><div class=\"maps\">");
        foreach (var s in input.Scenarios)
        {
            html.Append(Figure("state-rate", ChoroplethSvg.Render(OutcomeMaps.StateAreas(atlas, s.StateRates, "per 100,000"), [], rates, Whole,
                $"{s.Outcome.Name}: homicides per 100,000, {year}", "Mean of the replicates, by state", "per 100,000", Source)));
        }

        if (reference is not null)
        {
            foreach (var s in input.Scenarios.Where(s => s != reference))
            {
                var difference = s.StateRates.Where(kv => reference.StateRates.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value - reference.StateRates[kv.Key]);
                html.Append(Figure("state-difference", ChoroplethSvg.Render(OutcomeMaps.StateAreas(atlas, difference, "per 100,000 against " + reference.Outcome.Name), [], differences, Whole,
                    $"{s.Outcome.Name} − {reference.Outcome.Name}, {year}", "Difference of the mean rates, by state (blue: fewer homicides)", "per 100,000", Source)));
            }
        }

        html.Append("</div><h3>By municipality</h3><div class=\"maps\">");
        foreach (var s in input.Scenarios)
        {
            html.Append(Figure("municipal-rate", ChoroplethSvg.Render(OutcomeMaps.MunicipalAreas(atlas, s.MunicipalRates, "per 100,000"), atlas.StateShapes.Values, rates, Whole,
                $"{s.Outcome.Name}: homicides per 100,000, {year}", "Mean of the replicates, by municipality", "per 100,000", Source)));
        }

        if (reference is not null)
        {
            foreach (var s in input.Scenarios.Where(s => s != reference))
            {
                var difference = s.MunicipalRates.Where(kv => reference.MunicipalRates.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value - reference.MunicipalRates[kv.Key]);
                html.Append(Figure("municipal-difference", ChoroplethSvg.Render(OutcomeMaps.MunicipalAreas(atlas, difference, "per 100,000 against " + reference.Outcome.Name), atlas.StateShapes.Values, differences, Whole,
                    $"{s.Outcome.Name} − {reference.Outcome.Name}, {year}", "Difference of the mean rates, by municipality (blue: fewer homicides)", "per 100,000", Source)));
            }
        }

        html.Append("</div>");
        var guard = input.Scenarios.Where(s => s.GuardDensity.Count > 0).ToList();
        if (guard.Count > 0)
        {
            var density = new ColorScale([0.1, 0.25, 0.5, 1, 2, 4], ColorScale.YellowOrangeRed);
            html.Append(Invariant, $"<h3>The National Guard's deployment, {year}</h3><p>Officers per 1,000 inhabitants where each scenario deploys them (its regions and contingents, or the most violent places), the year's mean.</p><div class=\"maps\">");
            foreach (var s in guard)
            {
                // By plan: the regions' boundaries (thin) over the contingents spread on their municipalities, states thick.
                var regions = s.GuardRegionOf.Where(kv => atlas.MunicipalShapes.ContainsKey(kv.Key)).GroupBy(kv => kv.Value).OrderBy(g => g.Key)
                    .Select(g => Dissolve.Merge(g.Key.ToString(Invariant), g.Select(kv => atlas.MunicipalShapes[kv.Key]))).ToList();
                html.Append(Figure("guard", ChoroplethSvg.Render(
                    OutcomeMaps.MunicipalAreas(atlas, s.GuardDensity, "officers per 1,000"),
                    regions.Count > 0 ? [new OutlineLayer(regions, "#555555", 0.5), new OutlineLayer(atlas.StateShapes.Values, "#111111", 1.2)] : [new OutlineLayer(atlas.StateShapes.Values, "#333333", 0.8)],
                    density, b => b.ToString("0.##", Invariant),
                    $"{s.Outcome.Name}: National Guard officers per 1,000 inhabitants, {year}",
                    regions.Count > 0 ? $"{regions.Count} planning regions (thin lines), their contingents spread over their municipalities; {s.GuardDensity.Count:N0} municipalities with officers" : $"{s.GuardDensity.Count:N0} municipalities with officers",
                    "per 1,000", Source, noData: "no officers")));
            }

            html.Append("</div>");
        }

        html.Append("</section>");
    }

    private static void States(StringBuilder html, ReportInput input)
    {
        html.Append(Invariant, $"<section id=\"states\"><h2>By state, {input.Year}</h2><table><tr><th>State</th><th>Observed, {input.ObservedYear}</th>");
        foreach (var s in input.Scenarios)
        {
            html.Append(Invariant, $"<th>{E(s.Outcome.Name)}</th>");
        }

        html.Append("</tr>");
        foreach (var state in input.Atlas.States)
        {
            var code = state.Code.Value;
            html.Append(Invariant, $"<tr><td>{E(state.Name)}</td><td>{Rate(input.ObservedStateRates, code)}</td>");
            foreach (var s in input.Scenarios)
            {
                html.Append(Invariant, $"<td>{Rate(s.StateRates, code)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table><p>Homicides per 100,000 inhabitants; the scenarios' columns are the means of their replicates.</p></section>");
    }

    private static void Pillars(StringBuilder html, ReportInput input)
    {
        var year = input.Year;
        html.Append(Invariant, $"<section id=\"pillars\"><h2>What each pillar produced, {year}</h2><p>Means of the replicates, 5th-95th percentiles in brackets; weekly figures are the year's mean week.</p><table><tr><th>Output</th>");
        var years = input.Scenarios.Select(s => s.Outcome.Years.FirstOrDefault(y => y.Year == year)).ToList();
        foreach (var s in input.Scenarios)
        {
            html.Append(Invariant, $"<th>{E(s.Outcome.Name)}</th>");
        }

        html.Append("</tr>");
        void Row(string label, Func<YearSummary, Band?> of, string format = "N0")
        {
            if (years.All(y => y is null || of(y) is null))
            {
                return;
            }

            html.Append(Invariant, $"<tr><td>{E(label)}</td>");
            foreach (var y in years)
            {
                html.Append(Invariant, $"<td>{(y is not null && of(y) is { } b ? $"{b.Mean.ToString(format, Invariant)} ({b.P5.ToString(format, Invariant)}–{b.P95.ToString(format, Invariant)})" : "–")}</td>");
            }

            html.Append("</tr>");
        }

        Row("Members of criminal groups", y => y.Members);
        Row("Groups", y => y.Groups);
        Row("Splits", y => y.Splits);
        Row("Recruits a week", y => y.Recruits);
        Row("Recruited inside prisons", y => y.PrisonRecruits);
        Row("Arrests a week", y => y.Arrests);
        Row("Leaders arrested or killed", y => y.LeadersArrested);
        Row("Middle layer arrested", y => y.MiddleArrested);
        Row("Foot soldiers and lookouts arrested", y => y.LowerArrested);
        Row("Convictions", y => y.Convictions);
        Row("Sweeps carried out", y => y.SweepsDone);
        Row("Police officers", y => y.Police);
        Row("People in state prisons, year's end", y => y.PrisonPopulation);
        Row("Of them, without a sentence", y => y.PrisonPretrial);
        Row("Amnesty applications", y => y.Amnesty?.Applications);
        Row("Amnesty granted", y => y.Amnesty?.Granted);
        Row("Amnesty denied", y => y.Amnesty?.Denied);
        Row("Amnesty revoked", y => y.Amnesty?.Revoked);
        Row("Released by amnesty who offended again", y => y.Amnesty?.Reoffended);
        Row("Young men in youth programmes (mean week)", y => y.Youth?.Beneficiaries);
        Row("Youth programmes' cost, pesos", y => y.Youth?.Cost);
        Row("Recruits youth programmes averted (expected)", y => y.Youth?.RecruitsAverted);
        Row("Recruits aged 15-17", y => y.RecruitsByAge?.Aged15To17);
        Row("Groups' drug revenue, pesos", y => y.Revenue?.Drugs);
        Row("Groups' extortion revenue, pesos", y => y.Revenue?.Extortion);
        Row("Groups' fuel-theft revenue, pesos", y => y.Revenue?.Fuel);
        Row("Crops and trade made legal, pesos", y => y.DrugPolicy?.NewlyLegal);
        Row("Extorted from them by rackets, pesos", y => y.DrugPolicy?.RacketRevenue);
        Row("Killed enforcing those rackets", y => y.DrugPolicy?.ExtortionKillings);
        Row("Licensed opium sold legally, tonnes of morphine", y => y.DrugPolicy?.LegalOpium, "N2");
        Row("Licensed opium diverted, tonnes of morphine", y => y.DrugPolicy?.DivertedOpium, "N2");
        Row("Municipalities with a militia (mean week)", y => y.Militias?.Militias, "N1");
        Row("Militia members (mean week)", y => y.Militias?.Members);
        Row("Killed by and of militias", y => y.Militias?.Killings);
        Row("Militia members disarmed", y => y.Militias?.Disarmed);
        Row("Militia members arrested", y => y.Militias?.Arrested);
        Row("Lethal disputes Peacebuilding Councils defused", y => y.DisputesMediated);
        Row("Abuses by soldiers and the Guard", y => y.HumanRights?.Abuses);
        Row("People disappeared (not in the homicides)", y => y.HumanRights?.Disappearances);
        Row("People missing, year's end", y => y.HumanRights?.Missing);
        Row("Missing found alive by the search", y => y.HumanRights?.FoundAlive);
        Row("Bodies identified by the search", y => y.HumanRights?.BodiesIdentified);
        html.Append("</table></section>");
    }

    private static void Footer(StringBuilder html, ReportInput input)
    {
        html.Append("<footer id=\"provenance\"><h2>Sources and model version</h2>");
        html.Append(Invariant, $"<p>Paz {E(input.Version)}. {E(input.Posterior)}</p><table><tr><th>Scenario</th><th>File</th><th>SHA-256</th><th>Seed</th><th>Replicates</th></tr>");
        foreach (var s in input.Scenarios)
        {
            html.Append(Invariant, $"<tr><td>{E(s.Outcome.Name)}</td><td class=\"text\">{E(s.File)}</td><td class=\"text\"><code>{s.Sha256}</code></td><td>{s.Seed}</td><td>{s.Outcome.Replicates}</td></tr>");
        }

        html.Append("</table><p>Observed homicides: INEGI deaths by municipality of occurrence to December 2018; populations from the censuses, interpolated; boundaries simplified (mxmaps); every data file's provenance in data/PROVENANCE.md. No outcome after 2018 enters the model.</p></footer>");
    }

    private const string Source = "Simulated by Paz on INEGI's municipalities; boundaries simplified (mxmaps).";

    private static string Figure(string kind, string svg) => $"<figure class=\"map {kind}\">{svg}</figure>";

    private static string Whole(double b) => b.ToString("0", Invariant);

    private static string Rate(IReadOnlyDictionary<string, double> rates, string code) => rates.TryGetValue(code, out var r) ? r.ToString("0.0", Invariant) : "–";

    // A share of replicates with its Jeffreys 90% interval, which stays honest at 0 of 20.
    private static string Chance(double share, int replicates)
    {
        var (low, high) = Proportion.Jeffreys90((int)Math.Round(share * replicates), replicates);
        return string.Create(Invariant, $"{share:P0} ({low:P0}–{high:P0})");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
