namespace Paz.Cli.Tests;

/// <summary><c>paz backtest</c> refuses a combination of explanations it cannot calibrate before it runs any.</summary>
public sealed class BacktestCommandTests
{
    private static string History => Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "history.yaml");

    [Fact]
    public void ACombinationWithMoreFreeParametersThanACalibrationFitsIsRefusedBeforeTheFirstCombinationRuns()
    {
        // Every explanation at once frees each one's own parameter beside the nine declared fitted: more than fifteen
        // whatever the scenario's fit list. The first combination is the smallest backtest there is, so were the refusal
        // to come at the second's turn again the test would fail in seconds, not run for minutes.
        var folder = Directory.CreateTempSubdirectory("paz-backtest-").FullName;
        var run = PazRun.Of(
            "backtest", History, "--origins", "2016", "--search", "1", "--refine", "0", "--starts", "1", "--replicates", "1", "--forecast-replicates", "2",
            "--explanations", "none",
            "--explanations", "fragmentation,confrontation,market,exclusion,fission,consolidation,lifecycle,mobilization,emergence,plazas,balance",
            "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("free parameters for Fragmentation, Confrontation, Market", run.Error, StringComparison.Ordinal);
        Assert.Contains("calibration fits at most 15", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "backtest.json")), "the first combination ran before the second was refused");
        Directory.Delete(folder, recursive: true);
    }
}
