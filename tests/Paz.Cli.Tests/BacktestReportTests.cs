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

    // An engine and persistence at one origin: their national and state MAPE.
    private static OriginResult Scored(int year, double engineNational, double engineState, double persistenceNational, double persistenceState) =>
        Origin(
            year,
            new ForecastScore("engine, anchored", new Dictionary<int, double>(), engineNational, engineState, 0.8, 0.5, 0.5, 100, 10),
            new ForecastScore("persistence", new Dictionary<int, double>(), persistenceNational, persistenceState, 0.8, double.NaN, double.NaN, 100, 10));

    private static BacktestReport Report(params BacktestRun[] runs) => new("test", runs, new BacktestSettings(1, 1, 1, 2, 1, 1), TimeSpan.Zero);

    [Fact]
    public void AnEngineSurvivesOnlyWhenItBeatsPersistenceAtThreeOriginsInFourOnTheMeanAndByState()
    {
        bool? Survives(params OriginResult[] origins) => Report(new BacktestRun("x", origins)).Averages().Single(a => a.Forecaster == "engine, anchored").Survives;

        // Three wins of four, national mean 0.20 < 0.22, state mean 0.40 < 0.42.
        Assert.True(Survives(Scored(2010, 0.18, 0.40, 0.16, 0.42), Scored(2012, 0.19, 0.40, 0.20, 0.42), Scored(2014, 0.20, 0.40, 0.26, 0.42), Scored(2016, 0.23, 0.40, 0.26, 0.42)));
        // The same, but worse than persistence by state.
        Assert.False(Survives(Scored(2010, 0.18, 0.45, 0.16, 0.42), Scored(2012, 0.19, 0.45, 0.20, 0.42), Scored(2014, 0.20, 0.45, 0.26, 0.42), Scored(2016, 0.23, 0.45, 0.26, 0.42)));
        // Two wins of four, though better on the mean.
        Assert.False(Survives(Scored(2010, 0.10, 0.40, 0.16, 0.42), Scored(2012, 0.21, 0.40, 0.20, 0.42), Scored(2014, 0.20, 0.40, 0.26, 0.42), Scored(2016, 0.27, 0.40, 0.26, 0.42)));
        // Three wins of four, but one loss so large the mean is worse.
        Assert.False(Survives(Scored(2010, 0.40, 0.40, 0.16, 0.42), Scored(2012, 0.19, 0.40, 0.20, 0.42), Scored(2014, 0.25, 0.40, 0.26, 0.42), Scored(2016, 0.25, 0.40, 0.26, 0.42)));
        Assert.Null(Report(new BacktestRun("x", [Scored(2010, 0.1, 0.1, 0.2, 0.2)])).Averages().Single(a => a.Forecaster == "persistence").Survives);
    }

    [Fact]
    public void TheVerdictOverSeedsCountsTheSeedsAtWhichACombinationSurvived()
    {
        OriginResult[] good = [Scored(2010, 0.10, 0.40, 0.16, 0.42), Scored(2012, 0.10, 0.40, 0.20, 0.42)];
        OriginResult[] bad = [Scored(2010, 0.30, 0.40, 0.16, 0.42), Scored(2012, 0.10, 0.40, 0.20, 0.42)];
        var report = Report(new BacktestRun("x", good) { Seed = 2010 }, new BacktestRun("x", bad) { Seed = 2011 }, new BacktestRun("x", good) { Seed = 2012 });
        var verdict = Assert.Single(report.Verdicts());
        Assert.Equal(("x", "engine, anchored", 2, 3), (verdict.Explanations, verdict.Forecaster, verdict.Survived, verdict.Seeds));
        Assert.Equal(["x (seed 2010)", "x (seed 2011)", "x (seed 2012)"], report.Averages().Where(a => a.Forecaster == "persistence").Select(a => a.Label));
    }
}
