using Paz.Reports.Backtests;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;
using Paz.Simulation.Engine;

namespace Paz.Cli.Tests;

/// <summary>The backtest report's averages.</summary>
public class BacktestReportTests
{
    private static ForecastScore Score(string forecaster, double nationalCoverage, int nationalCases, double stateCoverage, int stateCases) =>
        new(forecaster, new Dictionary<int, double> { [2018] = 0.1 }, 0.1, 0.2, 0.5, nationalCoverage, stateCoverage, 100, 10)
        {
            NationalCases = nationalCases,
            StateCases = stateCases,
        };

    private static OriginResult Origin(int year, params ForecastScore[] scores) =>
        new(year, new CalibrationResult(Settings.Defaults, 1, 1, new Dictionary<int, double>()), [], scores, new Dictionary<string, double>());

    [Fact]
    public void CoverageOverOriginsPoolsTheirYearsAndStateYearsRatherThanAveragingTheirShares()
    {
        // Origin 2010 holds back eight years (half covered), origin 2016 two (both covered): 10 of 16 → 0.6, not 0.75.
        var report = new BacktestReport("test", [new BacktestRun("none",
        [
            Origin(2010, Score("engine", 0.5, 8, 0.25, 256), Score("persistence", double.NaN, 0, double.NaN, 0)),
            Origin(2016, Score("engine", 1.0, 2, 1.0, 64), Score("persistence", double.NaN, 0, double.NaN, 0)),
        ])], new BacktestSettings(1, 1, 1, 2, 1, 1), TimeSpan.Zero);
        var engine = report.Averages().Single(a => a.Forecaster == "engine");
        Assert.Equal(0.6, engine.NationalCoverage, 12);
        Assert.Equal((64 + 64) / 320.0, engine.StateCoverage, 12);
        Assert.True(double.IsNaN(report.Averages().Single(a => a.Forecaster == "persistence").NationalCoverage), "a point forecast has no band");
    }
}
