using System.Text.Json;

namespace Paz.Cli.Tests;

/// <summary>paz run and the run catalogue: the same request twice runs once.</summary>
public class RunCatalogueCommandTests
{
    private static string Scenario(string folder, int seed)
    {
        var path = Path.Combine(folder, "short.yaml");
        File.WriteAllText(path, $"name: short\ndescription: \"a short test run\"\nengine: agent\nstart: 2015-01\nend: 2015-02\nreplicates: 2\nseed: {seed}\n");
        return path;
    }

    [Fact]
    public void ASecondIdenticalRequestIsServedFromTheCatalogueWithoutRunning()
    {
        var folder = Directory.CreateTempSubdirectory("paz-catalogue-").FullName;
        var scenario = Scenario(folder, seed: 5);
        var first = PazRun.Of("run", scenario, "--json", "--point", "--out", Path.Combine(folder, "runs", "a"));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2/2 replicates done", first.Error, StringComparison.Ordinal);

        var second = PazRun.Of("run", scenario, "--json", "--point", "--out", Path.Combine(folder, "runs", "b"));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("served from the run catalogue", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("replicates done", second.Error, StringComparison.Ordinal); // the engine did not run
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "runs", "a", "homicides_monthly.parquet")), File.ReadAllBytes(Path.Combine(folder, "runs", "b", "homicides_monthly.parquet")));

        // Anything in the key changed, and it runs: another seed in the file, another ensemble size, the posterior instead of the point, --rerun.
        Scenario(folder, seed: 6);
        Assert.Contains("2/2 replicates done", PazRun.Of("run", scenario, "--json", "--point", "--out", Path.Combine(folder, "runs", "c")).Error, StringComparison.Ordinal);
        Assert.Contains("1/1 replicates done", PazRun.Of("run", scenario, "--json", "--point", "--replicates", "1", "--out", Path.Combine(folder, "runs", "d")).Error, StringComparison.Ordinal);
        Assert.Contains("2/2 replicates done", PazRun.Of("run", scenario, "--json", "--point", "--rerun", "--out", Path.Combine(folder, "runs", "c")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ACatalogueWhoseOutputsVanishedRunsAgain()
    {
        var folder = Directory.CreateTempSubdirectory("paz-catalogue-").FullName;
        var scenario = Scenario(folder, seed: 7);
        var output = Path.Combine(folder, "runs", "a");
        Assert.Equal(0, PazRun.Of("run", scenario, "--json", "--point", "--out", output).ExitCode);
        Directory.Delete(output, recursive: true);
        var again = PazRun.Of("run", scenario, "--json", "--point", "--out", output);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("2/2 replicates done", again.Error, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("short", summary.RootElement.GetProperty("scenario").GetString());
    }
}
