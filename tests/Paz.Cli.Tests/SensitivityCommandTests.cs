using System.Text.Json;
using StbImageSharp;

namespace Paz.Cli.Tests;

public class SensitivityCommandTests
{
    [Fact]
    public void MorrisRanksAParameterThatActsAboveOneThatCannotAndTheTornadoRendersInChromium()
    {
        var folder = Directory.CreateTempSubdirectory("paz-sensitivity-").FullName;
        var chart = Path.Combine(folder, "tornado.svg");
        var run = PazRun.Of("sensitivity", Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml"), "--year", "2015", "--trajectories", "2",
            "--parameters", "guard_deterrence,conflict_intensity", "--json", "--chart", chart, "--threads", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        using var result = JsonDocument.Parse(run.Output);
        var indices = result.RootElement.GetProperty("indices").EnumerateArray().ToDictionary(i => i.GetProperty("parameter").GetString()!, i => i);
        Assert.Equal(0, indices["guard_deterrence"].GetProperty("mu_star").GetDouble()); // no Guard in 2015: nothing reads it
        Assert.True(indices["conflict_intensity"].GetProperty("mu_star").GetDouble() > 1000);
        Assert.True(indices["conflict_intensity"].GetProperty("assumed").GetBoolean());
        Assert.Equal("conflict_intensity", result.RootElement.GetProperty("indices")[0].GetProperty("parameter").GetString()); // ranked first
        Assert.Equal(6, result.RootElement.GetProperty("runs").GetInt32()); // r (k + 1)

        HeadlessChromium.SkipUnlessInstalled("the tornado chart");
        var image = ImageResult.FromMemory(HeadlessChromium.Screenshot(chart, 900, 220), ColorComponents.RedGreenBlue);
        var orange = 0;
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            orange += Math.Abs(image.Data[i] - 0xff) + Math.Abs(image.Data[i + 1] - 0x7f) + Math.Abs(image.Data[i + 2] - 0x0e) < 30 ? 1 : 0;
        }

        Assert.True(orange > 1000, $"only {orange} orange pixels: the assumed parameter's bar is not drawn");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void APairedDifferenceOfAScenarioWithItselfIsZeroAtEveryPointBecauseTheDrawsArePaired()
    {
        var baseline = Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var run = PazRun.Of("sensitivity", baseline, "--versus", baseline, "--year", "2015", "--trajectories", "2", "--parameters", "recruitment,conflict_intensity", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(12, result.RootElement.GetProperty("runs").GetInt32()); // both scenarios at every point
        Assert.All(result.RootElement.GetProperty("indices").EnumerateArray(), i => Assert.Equal(0, i.GetProperty("mu_star").GetDouble()));
    }

    [Fact]
    public void APlanScenarioIsResolvedFromTheDataAndItsGuardsDeterrenceMattersOnceThereIsAGuard()
    {
        var plan = Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "plan-2018.yaml");
        var run = PazRun.Of("sensitivity", plan, "--year", "2019", "--trajectories", "2", "--parameters", "guard_deterrence", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var result = JsonDocument.Parse(run.Output);
        Assert.True(result.RootElement.GetProperty("indices")[0].GetProperty("mu_star").GetDouble() > 0, "the Guard deploys in 2019, so its deterrence must move 2019");
    }

    [Fact]
    public void AnUnknownParameterIsRefusedWithTheListOfThoseThatHavePriors()
    {
        var run = PazRun.Of("sensitivity", Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml"), "--parameters", "recruitment,recruitmnet");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'recruitmnet' is not a parameter with a prior", run.Error, StringComparison.Ordinal);
        Assert.Contains("recruit_capacity", run.Error, StringComparison.Ordinal);
    }
}
