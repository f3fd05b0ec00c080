using Paz.Runs.ModelError;
using Paz.Simulation.Backtesting;

namespace Paz.Cli.Tests;

/// <summary><c>paz run --model-error-out</c> measures the engine's structural error; <c>paz compare --model-error</c> reads it.</summary>
public class ModelErrorCommandTests
{
    private static string Shipped(string name) => Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", name);

    // The shipped baseline cut to the years given (same name and parameters).
    private static string Baseline(string folder, string start, string end)
    {
        var path = Path.Combine(folder, "baseline.yaml");
        File.WriteAllText(path, File.ReadAllText(Shipped("baseline.yaml"))
            .Replace("start: 2015-01", "start: " + start, StringComparison.Ordinal)
            .Replace("end: 2024-12", "end: " + end, StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void AReplayMeasuresItsErrorsYearlyStepsAndWritesThemForCompare()
    {
        var folder = Directory.CreateTempSubdirectory("paz-model-error-").FullName;
        var file = Path.Combine(folder, "model-error.json");
        var run = PazRun.Of("run", Baseline(folder, "2015-01", "2018-12"), "--point", "--replicates", "2", "--json", "--model-error-out", file, "--out", Path.Combine(folder, "run"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("the engine's error over 2016-2018 steps by", run.Error, StringComparison.Ordinal);
        var stored = ModelErrorSteps.Read(file);
        Assert.Equal((2016, 2018, "baseline"), (stored.FirstYear, stored.LastYear, stored.Scenario));
        Assert.Equal(32, stored.Steps.StateSteps.Length);
        Assert.True(stored.Steps.NationalStep > 0 && stored.Steps.StateSteps.All(s => s > 0));
        Assert.Contains("--model-error-out", stored.MadeBy[0], StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void ARunOfFewerThanThreeWholeYearsTo2018IsRefusedBeforeItRuns()
    {
        var folder = Directory.CreateTempSubdirectory("paz-model-error-").FullName;
        var run = PazRun.Of("run", Baseline(folder, "2017-01", "2020-12"), "--point", "--model-error-out", Path.Combine(folder, "e.json"), "--out", Path.Combine(folder, "run"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("runs 1 of them, and at least three are needed", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "run")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void AModelErrorFileRoundTripsAndAMalformedOneIsRefusedWithItsName()
    {
        var folder = Directory.CreateTempSubdirectory("paz-model-error-").FullName;
        var path = Path.Combine(folder, "model-error.json");
        new ModelErrorSteps("history", 2008, 2018, new ModelDiscrepancy(0.4, 0.21, [0.1, 0.2], [0.3, 0.5]), ["paz run"]).Write(path, ["Aguascalientes", "Baja California"]);

        var read = ModelErrorSteps.Read(path);
        Assert.Equal(0.21, read.Steps.NationalStep);
        Assert.Equal([0.3, 0.5], read.Steps.StateSteps);
        Assert.Equal(0, read.Steps.NationalAtOrigin); // a run starts from its own gap
        Assert.Contains("Baja California", File.ReadAllText(path), StringComparison.Ordinal);

        File.WriteAllText(path, "{\"scenario\": \"history\", \"national_step\": -1, \"states\": []}");
        var e = Assert.Throws<InvalidOperationException>(() => ModelErrorSteps.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("none negative", e.Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void CompareRefusesAModelErrorFileThatDoesNotExistBeforeRunning()
    {
        var missing = Path.Combine(Path.GetTempPath(), "paz-no-such-model-error.json");
        var compare = PazRun.Of("compare", Shipped("baseline.yaml"), "--model-error", missing, "--replicates", "1", "--out", Path.Combine(Path.GetTempPath(), "paz-never.html"));

        Assert.Equal(2, compare.ExitCode);
        Assert.Contains("no such model-error file", compare.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNoFileNamedTheErrorBesideTheNearestOfTheScenariosFilesIsRead()
    {
        // A scenario in replay/ that runs on ../history.yaml: no model-error.json beside it, one beside the history.
        var folder = Directory.CreateTempSubdirectory("paz-model-error-").FullName;
        var replay = Directory.CreateDirectory(Path.Combine(folder, "replay")).FullName;
        var beside = Path.Combine(folder, "model-error.json");
        new ModelErrorSteps("history", 2008, 2018, new ModelDiscrepancy(0, 0.21, [0, 0], [0.3, 0.5]), ["paz run"]).Write(beside, null);
        string[] files = [Path.Combine(replay, "plan.yaml"), Path.Combine(folder, "history.yaml")];

        Assert.Equal(beside, ModelErrorSteps.Nearest(files));
        Assert.Null(ModelErrorSteps.Nearest([files[0]]));
        Directory.Delete(folder, recursive: true);
    }
}
