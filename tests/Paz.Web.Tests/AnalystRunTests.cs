using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>The analysts' dashboard API (docs/runs.md) on each backend: roles kept apart, errors with lines, the catalogue serving reruns.</summary>
public abstract class AnalystRunTests
{
    protected abstract TribunalHost Host { get; }

    /// <summary>A two-month scenario of two replicates: seconds to run on the real data.</summary>
    public static string TinyScenario(string name, int seed) =>
        $"name: {name}\ndescription: \"a two-month test run\"\nengine: agent\nstart: 2015-01\nend: 2015-02\nreplicates: 2\nseed: {seed}\n";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    private static async Task<JsonElement> WaitUntilEnded(HttpClient client, string id)
    {
        for (var i = 0; i < 600; i++)
        {
            var run = (await Json(await client.GetAsync($"/api/runs/{id}", TestContext.Current.CancellationToken))).GetProperty("run");
            if (run.GetProperty("status").GetString() is "done" or "failed" or "interrupted")
            {
                return run;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"run {id} did not end in two minutes");
    }

    [Fact]
    public async Task AnAnalystReachesNoRegistryCaseAndAClerkNoRun()
    {
        var p = await Scenario.CaseIn(Host, CaseStatus.Granted);
        var cancel = TestContext.Current.CancellationToken;
        using var analyst = Host.Client(Host.Users[Role.Analyst]);
        foreach (var path in new[] { $"/api/cases/{p.Case}", "/api/cases", "/api/cases/search?name=Ana", "/api/export", $"/api/cases/{p.Case}/victims" })
        {
            var status = (await analyst.GetAsync(path, cancel)).StatusCode;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"analyst GET {path}: {(int)status}");
        }

        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Analyst))
        {
            using var other = Host.Client(Host.Users[role]);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/runs", new { yaml = TinyScenario("not-mine", 2) }, cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/runs", cancel)).StatusCode);
        }

        using var anonymous = Host.RawClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/runs", cancel)).StatusCode);
    }

    [Fact]
    public async Task AMalformedUploadedScenarioIsRefusedWithItsFileAndLine()
    {
        using var analyst = Host.Client(Host.Users[Role.Analyst]);
        var yaml = TinyScenario("broken", 3).Replace("replicates: 2", "replicates: many", StringComparison.Ordinal); // line 6
        var response = await analyst.PostAsJsonAsync("/api/runs", new { yaml, file_name = "broken.yaml" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Json(response)).GetProperty("errors").GetProperty("scenario")[0].GetString()!;
        Assert.Contains("broken.yaml", message, StringComparison.Ordinal);
        Assert.Matches(@"broken\.yaml:6\b", message);
        Assert.DoesNotContain(Host.Folder, message, StringComparison.Ordinal); // no server path
    }

    [Fact]
    public async Task AnOversizedPastedScenarioIsRefusedBeforeItIsKept()
    {
        using var analyst = Host.Client(Host.Users[Role.Analyst]);
        var yaml = TinyScenario("huge", 5) + "# " + new string('x', Paz.Dashboard.RunDesk.MaxScenarioCharacters) + "\n";
        var response = await analyst.PostAsJsonAsync("/api/runs", new { yaml }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100,000 characters", (await Json(response)).GetProperty("errors").GetProperty("yaml")[0].GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Host.Folder, "runs", "uploads")) && Directory.EnumerateFiles(Path.Combine(Host.Folder, "runs", "uploads"), "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("name: huge", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ASecondIdenticalRequestIsServedFromTheCatalogueWithoutRunning()
    {
        using var analyst = Host.Client(Host.Users[Role.Analyst]);
        var cancel = TestContext.Current.CancellationToken;
        var request = new { yaml = TinyScenario("served-twice", 4), point = true };
        var first = await analyst.PostAsJsonAsync("/api/runs", request, cancel);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var id = (await Json(first)).GetProperty("id").GetString()!;
        var finished = await WaitUntilEnded(analyst, id);
        Assert.Equal("done", finished.GetProperty("status").GetString());

        var second = await analyst.PostAsJsonAsync("/api/runs", request, cancel);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var served = await Json(second);
        Assert.True(served.GetProperty("served").GetBoolean());
        Assert.Equal(id, served.GetProperty("id").GetString());
        Assert.Equal(finished.GetProperty("finished").GetString(), served.GetProperty("finished").GetString()); // not run again

        var runs = await Json(await analyst.GetAsync("/api/runs?scenario=served-twice", cancel));
        Assert.Equal(1, runs.GetArrayLength());

        // Its outputs: the CSV's long rows (2 replicates × 2,469 municipalities × 2 months), a chart and a map.
        var csv = await analyst.GetStringAsync($"/api/runs/{id}/homicides.csv", cancel);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("replicate,seed,cve_mun,year,month,homicides", lines[0]);
        Assert.Equal(1 + (2 * 2469 * 2), lines.Length);
        Assert.StartsWith("<svg", (await analyst.GetStringAsync($"/api/runs/{id}/chart.svg", cancel)).TrimStart()[..200].Split("?>")[^1].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<path", await analyst.GetStringAsync($"/api/runs/{id}/map.svg", cancel), StringComparison.Ordinal);
    }
}

public sealed class SqliteAnalystRunTests(SqliteHostFixture fixture) : AnalystRunTests, IClassFixture<SqliteHostFixture>
{
    protected override TribunalHost Host => fixture.Host;
}

/// <summary>The same suite with the run catalogue in PostgreSQL.</summary>
public sealed class PostgresAnalystRunTests(PostgresHostFixture fixture) : AnalystRunTests, IClassFixture<PostgresHostFixture>
{
    protected override TribunalHost Host => fixture.Require();
}
