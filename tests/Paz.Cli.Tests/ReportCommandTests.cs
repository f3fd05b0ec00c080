using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Paz.Cli.Tests;

/// <summary><c>paz report</c>: the analyst's report, HTML and PDF, on two short scenarios.</summary>
public partial class ReportCommandTests
{
    private static readonly Lazy<(string Folder, string First, string Second, PazRun Run)> Report = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("paz-report-").FullName;
        var first = Path.Combine(folder, "first.yaml");
        var second = Path.Combine(folder, "second.yaml");
        File.WriteAllText(first, "name: first\ndescription: \"the first short run\"\nengine: agent\nstart: 2015-01\nend: 2015-03\nreplicates: 2\nseed: 3\npolicy:\n  # \"a passage both scenarios share\" (test)\n  enforcement_focus: 0.4\n");
        File.WriteAllText(second, "name: second\ndescription: \"the second short run\"\nbase: first.yaml\ntimeline:\n  - from: 2015-02\n    # \"a passage the lever encodes\" (test)\n    targeting: [none]\n    leader_removals_per_week: 0\n    guard_personnel_start: 20000\n    guard_personnel_full: 20000\n    guard_places: 100\n");
        // The trust section's inputs, each made by its own command on a small world: a backtest from one origin, a Morris screening of two parameters.
        var history = Path.Combine(folder, "history.yaml");
        File.WriteAllText(history, "name: history\ndescription: \"a short replay for one origin\"\nengine: agent\nstart: 2015-01\nend: 2018-12\nreplicates: 2\nseed: 3\n");
        Assert.Equal(0, PazRun.Of("backtest", history, "--origins", "2016", "--search", "2", "--refine", "0", "--replicates", "1", "--forecast-replicates", "2", "--json", "--out", Path.Combine(folder, "backtest")).ExitCode);
        Assert.Equal(0, PazRun.Of("sensitivity", first, "--parameters", "recruitment,conflict_intensity", "--trajectories", "2", "--year", "2015", "--replicates", "1", "--out", Path.Combine(folder, "sensitivity.json")).ExitCode);
        var run = PazRun.Of("report", first, second, "--year", "2015", "--against", "first", "--point", "--out", Path.Combine(folder, "out"),
            "--backtest", Path.Combine(folder, "backtest", "backtest.json"), "--sensitivity", Path.Combine(folder, "sensitivity.json"));
        return (folder, first, second, run);
    });

    private static string Html => File.ReadAllText(Path.Combine(Report.Value.Folder, "out", "report.html"));

    [Fact]
    public void TheReportOpensWithTheSummaryTheLeversAndThePassagesTheyEncode()
    {
        Assert.True(Report.Value.Run.ExitCode == 0, Report.Value.Run.Error);
        var html = Html;
        Assert.Contains("<section id=\"summary\"><h2>Summary</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2015-02</td><td class=\"text\"><code>targeting</code></td><td class=\"text\">[none]</td><td class=\"text\">&quot;a passage the lever encodes&quot; (test)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<i>(the passage above)</i>", html, StringComparison.Ordinal);
        // What both set alike is shown once, before each scenario's own levers.
        Assert.Contains("<h4>Common to every scenario</h4><table><tr><th>From</th><th>Lever</th><th>Value</th><th>Why (the file's comment: the passage it encodes)</th></tr><tr><td>2015-01</td><td class=\"text\"><code>enforcement_focus</code></td><td class=\"text\">0.4</td><td class=\"text\">&quot;a passage both scenarios share&quot; (test)</td></tr></table>", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "<code>enforcement_focus</code>"));
        Assert.Contains("<h3>Plausibility: one-year changes outside Mexico's record</h3>", html, StringComparison.Ordinal); // the summary says whether any change left the record
        Assert.Contains("<h4>first</h4><p>the first short run</p><p>Nothing beyond the levers common to every scenario.</p>", html, StringComparison.Ordinal);
        Assert.Matches("<b>second</b> has (fewer|more) homicides than <b>first</b> in 2015", html);
        Assert.Contains("second − first, 2015: ", Report.Value.Run.Output, StringComparison.Ordinal); // the headline on the console too
        Assert.Contains("report.html", Report.Value.Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryScenarioHasStateAndMunicipalMapsAndEachItsDifferenceFromTheReference()
    {
        var html = Html;
        Assert.Equal(2, Count(html, "<figure class=\"map state-rate\">"));
        Assert.Equal(2, Count(html, "<figure class=\"map municipal-rate\">"));
        Assert.Equal(1, Count(html, "<figure class=\"map state-difference\">"));
        Assert.Equal(1, Count(html, "<figure class=\"map municipal-difference\">"));
        Assert.Equal(1, Count(html, "<figure class=\"map guard\">")); // only the second deploys a Guard
        Assert.Contains("second: National Guard officers per 1,000 inhabitants, 2015", html, StringComparison.Ordinal);
        var covered = int.Parse(Regex.Match(html, @"(\d+) municipalities with officers").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(covered, 100, 300); // 100 places at a time, chosen again each month by the last year's violence
        Assert.Contains("second − first, 2015", html, StringComparison.Ordinal);
        Assert.Matches("<section id=\"national\"><h2>National homicide rate</h2>(<\\?xml[^>]*>)?\\s*<svg", html);
        Assert.Contains("<section id=\"states\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>Sinaloa</td>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"pillars\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>People in state prisons, year&#39;s end</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrustSectionShowsTheBacktestScoresAndTheTornadoWithAssumedParametersMarked()
    {
        Assert.Equal(0, Report.Value.Run.ExitCode);
        var html = Html;
        var trust = html[html.IndexOf("<section id=\"trust\">", StringComparison.Ordinal)..];
        using var backtest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Report.Value.Folder, "backtest", "backtest.json")));
        foreach (var average in backtest.RootElement.GetProperty("averages").EnumerateArray())
        {
            // Every forecaster's national MAPE as the backtest stored it, engine and yardsticks alike.
            var mape = average.GetProperty("national_mape").GetDouble().ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"<td class=\"text\">{System.Net.WebUtility.HtmlEncode(average.GetProperty("forecaster").GetString())}</td><td>{mape}</td>", trust, StringComparison.Ordinal);
        }

        Assert.Contains("December 2016", trust, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"tornado\"><svg", trust, StringComparison.Ordinal);
        Assert.Contains("conflict_intensity", trust, StringComparison.Ordinal);
        Assert.Contains("Assumed rather than sourced (orange): 1 of the 2 most influential parameters", trust, StringComparison.Ordinal); // conflict_intensity is assumed, recruitment sourced
    }

    [Fact]
    public void AScenarioDeployingByThePlanShowsItsRegionsOverTheGuardsDensityAndOneDeployingByViolenceDoesNot()
    {
        var folder = Path.GetDirectoryName(Report.Value.First)!;
        var planned = Path.Combine(folder, "planned.yaml");
        File.WriteAllText(planned, "name: planned\ndescription: \"the Guard by the plan's regions, and a youth programme\"\nbase: first.yaml\ntimeline:\n  - from: 2015-02\n    guard_plan: true\n    guard_personnel_start: 20000\n    guard_personnel_full: 20000\n    youth_beneficiaries: 100000\n    youth_targeting: violence\n");
        var run = PazRun.Of("report", Report.Value.Second, planned, "--year", "2015", "--point", "--out", Path.Combine(folder, "planned-report"));
        Assert.True(run.ExitCode == 0, run.Error);
        var html = File.ReadAllText(Path.Combine(folder, "planned-report", "report.html"));
        var guard = Figure().Matches(html).Select(m => m.Groups[1].Value).Where(f => f.Contains("National Guard officers", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, guard.Count);
        var byPlan = guard.Single(f => f.Contains("planned: National Guard", StringComparison.Ordinal));
        var regions = int.Parse(Regex.Match(byPlan, @"(\d+) planning regions \(thin lines\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(regions, 200, 300); // the plan's 266, dissolved from their municipalities
        Assert.DoesNotContain("planning regions", guard.Single(f => f.Contains("second: National Guard", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The programme's pillar rows: enrolled young men (100,000 from February of a January-March run: 8 of its 13 weeks'
        // mean) and what they cost; none for the scenario without one.
        var enrolled = Regex.Match(html, "<tr><td>Young men in youth programmes \\(mean week\\)</td><td>([^<]*)</td><td>([^<]*)</td></tr>");
        Assert.True(enrolled.Success, "no youth programme row");
        Assert.Equal("–", enrolled.Groups[1].Value);
        Assert.StartsWith((100_000 * 8 / 13).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), enrolled.Groups[2].Value, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Youth programmes&#39; cost, pesos</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFooterNamesTheCodeVersionAndEachScenarioFileByItsHash()
    {
        var html = Html;
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Report.Value.Second)));
        Assert.Contains($"<code>{hash}</code>", html, StringComparison.Ordinal);
        Assert.Matches(@"<p>Paz \d+\.\d+\.\d+\+[0-9a-f]{7,}", html);
        Assert.Contains("Parameters at the scenarios&#39; point values (--point).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InChromiumTheReportLogsNoErrorEveryMapIsDrawnAndThePdfRunsToEightPagesOrMore()
    {
        HeadlessChromium.SkipUnlessInstalled("the analyst's report");
        var folder = Path.Combine(Report.Value.Folder, "out");
        var pdf = Path.Combine(folder, "report.pdf");
        Assert.True(File.Exists(pdf), Report.Value.Run.Error);
        var pages = PdfPage().Count(File.ReadAllText(pdf, System.Text.Encoding.Latin1));
        Assert.True(pages >= 8, $"the PDF has {pages} pages");

        var errors = HeadlessChromium.ConsoleErrors(Path.Combine(folder, "report.html"));
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        // Each map alone on a page, drawn by the browser: a blank or broken map would leave one or two colors.
        var maps = Figure().Matches(Html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(7, maps.Count);
        for (var i = 0; i < maps.Count; i++)
        {
            var page = Path.Combine(folder, $"map{i}.html");
            File.WriteAllText(page, $"<!DOCTYPE html><html><body style=\"margin:0\">{maps[i]}</body></html>");
            var colors = HeadlessChromium.DistinctColors(HeadlessChromium.Screenshot(page, 900, 700));
            Assert.True(colors > 8, $"map {i} shows {colors} colors");
        }
    }

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    [GeneratedRegex("<figure class=\"map [a-z-]+\">(<svg.*?</svg>)\\s*</figure>", RegexOptions.Singleline)]
    private static partial Regex Figure();
}
