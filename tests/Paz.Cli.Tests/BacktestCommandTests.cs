namespace Paz.Cli.Tests;

/// <summary><c>paz backtest</c> refuses a combination of explanations it cannot calibrate before it runs any.</summary>
public sealed class BacktestCommandTests
{
    private static string History => Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "history.yaml");

    [Fact]
    public void ACombinationWithMoreFreeParametersThanACalibrationFitsIsRefusedBeforeTheFirstCombinationRuns()
    {
        // history.yaml frees fourteen; balance's own parameter makes the second combination fifteen.
        var folder = Directory.CreateTempSubdirectory("paz-backtest-").FullName;
        var run = PazRun.Of("backtest", History, "--origins", "2016", "--explanations", "fragmentation,confrontation,lifecycle", "--explanations", "fragmentation,confrontation,lifecycle,balance", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--explanations: 15 free parameters for Fragmentation, Confrontation, Lifecycle, Balance", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "backtest.json")), "the first combination ran before the second was refused");
        Directory.Delete(folder, recursive: true);
    }
}
