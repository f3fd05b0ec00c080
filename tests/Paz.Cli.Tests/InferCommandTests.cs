using System.Text.Json;

namespace Paz.Cli.Tests;

public class InferCommandTests
{
    [Fact]
    public void InferWritesThePosteriorAfterEachGenerationAndResumesFromIt()
    {
        var folder = Directory.CreateTempSubdirectory("paz-infer-").FullName;
        var posterior = Path.Combine(folder, "baseline.posterior.json");
        // The shipped baseline fitted to 2018 alone: a year per simulation keeps the test short, and the
        // resumption it checks does not depend on how many years are fitted.
        var shipped = Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var baseline = Path.Combine(folder, "baseline.yaml");
        File.WriteAllText(baseline, File.ReadAllText(shipped)
            .Replace("start: 2015-01", "start: 2018-01", StringComparison.Ordinal)
            .Replace("end: 2024-12", "end: 2018-12", StringComparison.Ordinal));
        Assert.Contains("start: 2018-01", File.ReadAllText(baseline), StringComparison.Ordinal);
        string[] Args(int generations, string seed = "5") =>
            ["infer", baseline, "--parameters", "recruitment", "--particles", "4", "--batch", "4", "--generations", generations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quantile", "0.95", "--seed", seed, "--out", posterior]; // a loose schedule: few simulations

        var first = PazRun.Of(Args(1));
        Assert.True(first.ExitCode == 0, first.Error);
        using (var stored = JsonDocument.Parse(File.ReadAllText(posterior)))
        {
            Assert.Equal(1, stored.RootElement.GetProperty("generation").GetInt32());
            var sample = stored.RootElement.GetProperty("sample");
            Assert.Equal(4, sample.GetArrayLength());
            Assert.Equal(1, sample.EnumerateArray().Sum(p => p.GetProperty("weight").GetDouble()), 1e-9);
            Assert.All(sample.EnumerateArray(), p => Assert.InRange(p.GetProperty("values").GetProperty("recruitment").GetDouble(), 0.0015, 0.0035));
        }

        var resumed = PazRun.Of(Args(2));
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("resuming after generation 1", resumed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("generation 0:", resumed.Error, StringComparison.Ordinal);
        using (var stored = JsonDocument.Parse(File.ReadAllText(posterior)))
        {
            Assert.Equal(2, stored.RootElement.GetProperty("generation").GetInt32());
        }

        var other = PazRun.Of(Args(2, seed: "6"));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("made with other options", other.Error, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
