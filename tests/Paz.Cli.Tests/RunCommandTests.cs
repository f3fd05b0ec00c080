using System.Text.Json;

namespace Paz.Cli.Tests;

public class RunCommandTests
{
    private static string ShortScenario(string name)
    {
        var folder = Directory.CreateTempSubdirectory("paz-run-").FullName;
        var path = Path.Combine(folder, $"{name}.yaml");
        File.WriteAllText(path, $"name: {name}\ndescription: \"a short test run\"\nengine: agent\nstart: 2015-01\nend: 2015-03\nreplicates: 2\nseed: 3\n");
        return path;
    }

    [Fact]
    public void RunJsonHasTheDocumentedShapeAndTheOutputsAreWritten()
    {
        var scenario = ShortScenario("short");
        var output = Path.Combine(Path.GetDirectoryName(scenario)!, "out");
        var run = PazRun.Of("run", scenario, "--json", "--csv", "--out", output);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("short", json.RootElement.GetProperty("scenario").GetString());
        var year = json.RootElement.GetProperty("years")[0];
        Assert.Equal(2015, year.GetProperty("year").GetInt32());
        var homicides = year.GetProperty("homicides");
        Assert.True(homicides.GetProperty("p5").GetDouble() <= homicides.GetProperty("mean").GetDouble());
        Assert.True(homicides.GetProperty("mean").GetDouble() <= homicides.GetProperty("p95").GetDouble());
        Assert.True(year.GetProperty("rate_per_100k").GetProperty("mean").GetDouble() > 0);
        var states = year.GetProperty("states").EnumerateArray().ToList();
        Assert.Equal(32, states.Count);
        Assert.Equal("01", states[0].GetProperty("cve_ent").GetString());
        foreach (var file in new[] { "homicides_monthly.parquet", "homicides_monthly.csv", "metrics.parquet", "metrics.csv", "weekly_flows.csv", "summary.json" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
        }

        Assert.Equal(1 + (2 * 2469 * 3), File.ReadLines(Path.Combine(output, "homicides_monthly.csv")).Count());

        // The security pillar's outputs: arrests by tier, convictions, impunity, splits, sweeps.
        var impunity = year.GetProperty("impunity").GetProperty("mean").GetDouble();
        Assert.InRange(impunity, 0, 1);
        Assert.True(year.GetProperty("foot_soldiers_and_lookouts_arrested").GetProperty("mean").GetDouble() > 0);
        foreach (var key in new[] { "leaders_arrested", "middle_layer_arrested", "convictions", "splits", "sweeps_done", "sweeps_failed", "share_at_most_4_per_100k" })
        {
            Assert.True(year.TryGetProperty(key, out _), key);
        }

        Assert.Equal("replicate,seed,week,date,members,recruits,arrests,member_deaths,desisted,homicides,prisoners,groups,splits,leaders_removed,middle_arrested,lower_arrested,convictions,releases",
            File.ReadLines(Path.Combine(output, "weekly_flows.csv")).First());

        // The mechanisms' metrics as long rows: national by year, and by municipality (predation killings).
        var metrics = File.ReadLines(Path.Combine(output, "metrics.csv")).ToList();
        Assert.Equal("scenario,replicate,seed,period,level,place,metric,value", metrics[0]);
        Assert.Contains(metrics, l => l.Contains(",2015,national,MX,predation_killings,", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.Contains(",2015,municipality,", StringComparison.Ordinal) && l.Contains(",predation_killings,", StringComparison.Ordinal));
    }

    [Fact]
    public void CompareWritesOneHtmlReportWithAChartAndTheTable()
    {
        var a = ShortScenario("first");
        var b = ShortScenario("second");
        var report = Path.Combine(Path.GetDirectoryName(a)!, "compare.html");
        var run = PazRun.Of("compare", a, b, "--out", report);
        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(report);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("National homicide rate per year", html, StringComparison.Ordinal);
        Assert.Contains("<td>first</td><td>2015</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>second</td><td>2015</td>", html, StringComparison.Ordinal);
        Assert.Contains("The plan's promise: 4 homicides per 100,000 in 2021", html, StringComparison.Ordinal);
        Assert.Contains("<td>first</td><td colspan=\"3\">not run to 2021</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmnestyScenarioReportsItsApplicationsGrantsAndPrisonersInJsonAndTheComparison()
    {
        var plain = ShortScenario("plain");
        var amnesty = Path.Combine(Path.GetDirectoryName(plain)!, "amnesty.yaml");
        File.WriteAllText(amnesty, "name: amnesty\nbase: plain.yaml\ntimeline:\n  - from: 2015-02\n    amnesty_rules: [proposal-2018]\n    amnesty_from: 2015-02\n");

        var run = PazRun.Of("run", amnesty, "--json", "--out", Path.Combine(Path.GetDirectoryName(plain)!, "runs"));
        Assert.True(run.ExitCode == 0, run.Error);
        using (var json = System.Text.Json.JsonDocument.Parse(run.Output))
        {
            var year = json.RootElement.GetProperty("years")[0];
            Assert.True(year.GetProperty("amnesty").GetProperty("granted").GetProperty("mean").GetDouble() > 0);
            Assert.True(year.GetProperty("prisoners").GetProperty("mean").GetDouble() > 100_000, "the whole prison population, not only members");
            Assert.True(year.GetProperty("police").GetProperty("mean").GetDouble() > 100_000);
        }

        var report = Path.Combine(Path.GetDirectoryName(plain)!, "compare.html");
        var compare = PazRun.Of("compare", plain, amnesty, "--out", report);
        Assert.True(compare.ExitCode == 0, compare.Error);
        var html = File.ReadAllText(report);
        Assert.Contains("<h2>Amnesty and prisons</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>amnesty</td><td>2015</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>plain</td><td>2015</td><td>0 <small>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedScenarioEndsWithFileLineAndExitCodeTwo()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("paz-run-").FullName, "bad.yaml");
        File.WriteAllText(path, "name: bad\nengine: agent\nreplicates: 0\nseed: 1\n");
        var run = PazRun.Of("run", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:3: 'replicates': expected a whole number from 1 to 10000, found '0'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingScenarioFileIsAClearError()
    {
        var run = PazRun.Of("run", "/nonexistent/scenario.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrationRefusesZeroReplicatesPerCandidate()
    {
        var run = PazRun.Of("calibrate", ShortScenario("short"), "--replicates", "0", "--dry-run");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--replicates: expected 1 to 16", run.Error, StringComparison.Ordinal);
    }
}
