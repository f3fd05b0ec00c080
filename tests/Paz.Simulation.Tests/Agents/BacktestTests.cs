using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Rolling-origin backtests: the forecast sees nothing after its origin; the scores and yardsticks compute what they say.</summary>
public class BacktestTests
{
    // A synthetic world of four municipalities in one state from 2015 and a synthetic observed series (not real data).
    private static (CriminalMarketEngine Engine, Timeline Timeline, ObservedHomicides Observed) World()
    {
        var inputs = SmallWorld.Inputs(4) with { Start = new DateOnly(2015, 1, 1) };
        var settings = Settings.Defaults.With(WorldParameters.InitialMembers, 400).With(NonMemberHomicides.BaselineRate, 6);
        var years = Enumerable.Range(2015, 4).ToArray();
        var municipal = years.ToDictionary(y => y, y => new double[] { 10 + y - 2015, 8, 6, 4 });
        return (new CriminalMarketEngine(inputs), Timeline.Constant(settings),
            new ObservedHomicides(years.ToDictionary(y => y, y => municipal[y].Sum()), years.ToDictionary(y => y, y => new[] { municipal[y].Sum() }), municipal));
    }

    private static readonly BacktestSettings Small = new(Search: 2, Refine: 3, CalibrationReplicates: 1, ForecastReplicates: 3, Seed: 5, Threads: 1);

    private static readonly FreeParameter[] Free = [new(NonMemberHomicides.BaselineRate.Name, NonMemberHomicides.BaselineRate.Prior!)];

    // The same history to December 2016, then a poisoned future: a hundred times the counts.
    private static ObservedHomicides PoisonedAfter2016(ObservedHomicides observed) => observed with
    {
        National = observed.National.ToDictionary(x => x.Key, x => x.Key > 2016 ? 100 * x.Value : x.Value),
        States = observed.States.ToDictionary(x => x.Key, x => x.Key > 2016 ? x.Value.Select(v => 100 * v).ToArray() : x.Value),
        Municipal = observed.Municipal.ToDictionary(x => x.Key, x => x.Key > 2016 ? x.Value.Select(v => 100 * v).ToArray() : x.Value),
    };

    [Fact]
    public void ABacktestCannotReadAnOutcomeAfterItsOrigin()
    {
        var (engine, timeline, observed) = World();
        var poisoned = PoisonedAfter2016(observed);

        var clean = Backtest.AtOrigin(engine, timeline, observed, 2016, Free, Small);
        var dirty = Backtest.AtOrigin(engine, timeline, poisoned, 2016, Free, Small);
        Assert.Equal(clean.Fitted, dirty.Fitted);
        for (var k = 0; k < clean.Forecasts.Count; k++)
        {
            foreach (var year in clean.Forecasts[k].Years)
            {
                Assert.Equal(clean.Forecasts[k].National[year], dirty.Forecasts[k].National[year]);
            }
        }

        // The scores do read the later years: the poisoned future (a hundredfold) is missed by nearly all of it.
        Assert.True(dirty.Scores[0].NationalMape > 0.9 && clean.Scores[0].NationalMape < 0.5, $"{dirty.Scores[0].NationalMape} against {clean.Scores[0].NationalMape}");
    }

    [Fact]
    public void ABacktestWithSeveralStartsPoolsTheForecastsTheBacktestsAtThoseSeedsMake()
    {
        var (engine, timeline, observed) = World();
        var pooled = Backtest.AtOrigin(engine, timeline, observed, 2016, Free, Small with { Starts = 2 });
        var first = Backtest.AtOrigin(engine, timeline, observed, 2016, Free, Small);
        var second = Backtest.AtOrigin(engine, timeline, observed, 2016, Free, Small with { Seed = Small.Seed + 1 });

        // The engine's forecasts (raw, anchored) hold every replicate of both, in order: the fits are the two seeds' own.
        for (var k = 0; k < 2; k++)
        {
            foreach (var year in pooled.Forecasts[k].Years)
            {
                Assert.Equal([.. first.Forecasts[k].National[year], .. second.Forecasts[k].National[year]], pooled.Forecasts[k].National[year]);
            }
        }

        Assert.NotEqual(first.Fitted, second.Fitted); // two optima, or the pooling would show nothing
        Assert.Equal(Math.Min(first.Fit.Objective, second.Fit.Objective), pooled.Fit.Objective);
        Assert.Equal(first.Fit.Evaluations + second.Fit.Evaluations, pooled.Fit.Evaluations);

        // Pooling cannot score worse nationally than the two forecasts' mean score (the error of a mean is at most the mean error).
        Assert.True(pooled.Scores[0].NationalMape <= ((first.Scores[0].NationalMape + second.Scores[0].NationalMape) / 2) + 1e-12);
    }

    [Fact]
    public void PersistenceRepeatsTheOriginAndTheDampedTrendBendsTowardIt()
    {
        var years = Enumerable.Range(2010, 5).ToArray();
        var national = years.ToDictionary(y => y, y => 1000 * Math.Pow(1.2, y - 2010) - 1);
        var seen = new ObservedHomicides(national, years.ToDictionary(y => y, y => new[] { national[y] }), years.ToDictionary(y => y, y => new[] { national[y] }));
        var persistence = Yardsticks.Persistence(seen, [2015, 2016]);
        Assert.Equal(national[2014], persistence.NationalMean(2016));
        var trend = Yardsticks.DampedTrend(seen, [2015, 2016]);
        Assert.Equal((national[2014] + 1) * Math.Pow(1.2, Yardsticks.Damping) - 1, trend.NationalMean(2015), 6);
        Assert.Equal((national[2014] + 1) * Math.Pow(1.2, Yardsticks.Damping + (Yardsticks.Damping * Yardsticks.Damping)) - 1, trend.NationalMean(2016), 6);
    }

    [Fact]
    public void AnAnchoredForecastKeepsTheEnginesChangesFromTheObservedOriginInEachState()
    {
        // The ensemble simulated 50 (state 1: 30, state 2: 20) in the origin's year; 100 were observed (40 and 60).
        var seen = new ObservedHomicides(new Dictionary<int, double> { [2016] = 100 }, new Dictionary<int, double[]> { [2016] = [40, 60] }, new Dictionary<int, double[]> { [2016] = [100] });
        // It forecasts a 20% rise everywhere.
        var engine = new Forecast("engine", new Dictionary<int, double[]> { [2017] = [54, 66] }, new Dictionary<int, double[][]> { [2017] = [[33, 22], [39, 26]] });
        var atOrigin = new Forecast("engine", new Dictionary<int, double[]> { [2016] = [48, 52] }, new Dictionary<int, double[][]> { [2016] = [[29, 19], [31, 21]] });
        var anchored = Anchoring.Anchored(engine, atOrigin, seen);

        Assert.Equal(120, anchored.NationalMean(2017), 9); // +20% from the observed 100, not from the simulated 50
        Assert.Equal(108, anchored.National[2017][0], 9);   // each draw scaled alike: the spread scales with the level
        var states = anchored.StateMeans(2017);
        Assert.Equal(48, states[0], 9); // +20% from 40
        Assert.Equal(72, states[1], 9); // +20% from 60
    }

    [Fact]
    public void TheCrpsOfOneDrawIsItsAbsoluteErrorAndAnEnsembleIsCreditedForItsSpread()
    {
        Assert.Equal(3, ForecastScore.Crps([7], 10), 12);
        Assert.Equal(0.5, ForecastScore.Crps([0, 2], 1), 12); // E|X − y| = 1, E|X − X′| = 1
        Assert.True(ForecastScore.Crps([0, 2], 1) < ForecastScore.Crps([0, 0], 1));
    }

    [Fact]
    public void ABacktestDrawingFromAPosteriorAtEachOriginCannotReadAnOutcomeAfterItAndCountsItsCoverage()
    {
        var (engine, timeline, observed) = World();
        var poisoned = PoisonedAfter2016(observed);
        var settings = Small with { ForecastReplicates = 6, Posterior = new BacktestPosterior(Particles: 6, Generations: 1) };
        var clean = Backtest.AtOrigin(engine, timeline, observed, 2016, Free, settings);
        var dirty = Backtest.AtOrigin(engine, timeline, poisoned, 2016, Free, settings);
        Assert.Equal(clean.Forecasts[0].National[2018], dirty.Forecasts[0].National[2018]);

        // The replicates drew different parameter sets: their baseline rates, and so their counts, differ more than one set's noise.
        Assert.True(clean.Forecasts[0].National[2018].Distinct().Count() > 1);
        var engineScore = clean.Scores[0];
        Assert.Equal(2, engineScore.NationalCases); // 2017 and 2018
        Assert.Equal(2, engineScore.StateCases);    // one state, two years
        Assert.Equal(0, dirty.Scores[0].NationalCoverage); // a hundredfold future lies outside every band
    }
}
