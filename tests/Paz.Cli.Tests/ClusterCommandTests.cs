namespace Paz.Cli.Tests;

/// <summary><c>paz run</c>, <c>calibrate</c>, <c>sensitivity</c> and <c>backtest</c> with <c>--cluster</c> refuse what it cannot use before running anything, in one line.</summary>
public sealed class ClusterCommandTests
{
    private static string Baseline => Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");

    [Fact]
    public void AGatewayThatIsNotAPortOrHostAndPortIsRefusedWithWhatWasExpected()
    {
        var run = PazRun.Of("run", Baseline, "--point", "--cluster", "30000,not-a-gateway", "--out", Directory.CreateTempSubdirectory("paz-cluster-").FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cluster: 'not-a-gateway' is not a gateway; expected a port (30000) or HOST:PORT (10.0.0.2:30000)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterWithNoSiloAnsweringSaysWhereItLookedAndHowToStartOne()
    {
        var folder = Directory.CreateTempSubdirectory("paz-cluster-").FullName;
        var short2018 = Path.Combine(folder, "baseline.yaml");
        File.WriteAllText(short2018, File.ReadAllText(Baseline).Replace("start: 2015-01", "start: 2018-01", StringComparison.Ordinal).Replace("end: 2024-12", "end: 2018-12", StringComparison.Ordinal));

        var run = PazRun.Of("run", short2018, "--point", "--replicates", "2", "--cluster", "127.0.0.1:9", "--out", Path.Combine(folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cluster: no silo answers at 127.0.0.1:9", run.Error, StringComparison.Ordinal);
        Assert.Contains("start one with paz cluster silo", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterValueThatIsNotAConnectionStringIsRefusedBeforeRunning()
    {
        var run = PazRun.Of("run", Baseline, "--point", "--cluster", "Host=10.0.0.1;Colour=blue", "--out", Directory.CreateTempSubdirectory("paz-cluster-").FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cluster: not a PostgreSQL connection string", run.Error, StringComparison.Ordinal);
        Assert.Contains("expected e.g. Host=10.0.0.1;Username=paz;Password=...;Database=paz_cluster", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrateOnAClusterWithNoSiloAnsweringSaysSoAndLeavesTheScenarioAsItWas()
    {
        var folder = Directory.CreateTempSubdirectory("paz-cluster-").FullName;
        var scenario = Path.Combine(folder, "baseline.yaml");
        File.Copy(Baseline, scenario);
        var before = File.ReadAllText(scenario);

        var calibrate = PazRun.Of("calibrate", scenario, "--search", "2", "--refine", "1", "--cluster", "127.0.0.1:9");

        Assert.Equal(2, calibrate.ExitCode);
        Assert.Contains("--cluster: no silo answers at 127.0.0.1:9", calibrate.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(scenario));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void SensitivityOnAClusterWithNoSiloAnsweringSaysSoInOneLine()
    {
        var sensitivity = PazRun.Of("sensitivity", Baseline, "--parameters", "recruitment,baseline_rate", "--trajectories", "2", "--year", "2015", "--cluster", "127.0.0.1:9");

        Assert.Equal(2, sensitivity.ExitCode);
        Assert.Contains("--cluster: no silo answers at 127.0.0.1:9", sensitivity.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sensitivity.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABacktestOnAClusterRefusesAPosteriorAndSaysWhy()
    {
        var backtest = PazRun.Of("backtest", Baseline, "--origins", "2016", "--posterior-particles", "4", "--cluster", "127.0.0.1:9");

        Assert.Equal(2, backtest.ExitCode);
        Assert.Contains("a backtest with --posterior-particles infers here: drop one of them", backtest.Error, StringComparison.Ordinal);
    }
}
