using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Inference;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The engine's inference: what it infers, what it draws from the prior, its distance and its predictive check.</summary>
public class InferenceTests
{
    // A synthetic world of four municipalities in two states from 2015 and a synthetic observed series (not real data).
    private static (CriminalMarketEngine Engine, Timeline Timeline, ObservedHomicides Observed, ValidationTargets Targets) World()
    {
        var inputs = SmallWorld.Inputs(4) with { Start = new DateOnly(2015, 1, 1), StateOf = [0, 0, 1, 1], States = 2 };
        var settings = Settings.Defaults.With(WorldParameters.InitialMembers, 400).With(NonMemberHomicides.BaselineRate, 6);
        var years = Enumerable.Range(2015, 4).ToArray();
        var municipal = years.ToDictionary(y => y, y => new double[] { 10 + y - 2015, 8, 6, 4 });
        var observed = new ObservedHomicides(
            years.ToDictionary(y => y, y => municipal[y].Sum()),
            years.ToDictionary(y => y, y => new[] { municipal[y][0] + municipal[y][1], municipal[y][2] + municipal[y][3] }),
            municipal);
        return (new CriminalMarketEngine(inputs), Timeline.Constant(settings), observed, ValidationTargets.Replay(observed, 2015, 2018));
    }

    private static FreeParameter Uncertain(string name) => new(name, Declarations.All.Single(s => s.Name == name).Prior!);

    [Fact]
    public void TheScreenDrawsTheGuardsDeterrenceFromItsPriorBeforeThereIsAGuardAndInfersTheBaselineRate()
    {
        var (engine, timeline, _, targets) = World();
        var responsive = ResponseScreen.Responsive(engine, timeline, targets, [Uncertain("guard_deterrence"), Uncertain("baseline_rate")], seed: 3, threads: 2);
        Assert.Equal(["baseline_rate"], responsive.Select(p => p.Name));
    }

    [Fact]
    public void TheSameSeedGivesTheSamePosteriorOfTheEngineOnOneThreadAndOnTwo()
    {
        var (engine, timeline, observed, targets) = World();
        IReadOnlyList<FreeParameter> free = [Uncertain("baseline_rate"), Uncertain("recruitment")];
        AbcGeneration Posterior(int threads) => AbcSmc.Run(2, EngineInference.Distance(engine, timeline, targets, observed, free, threads), 8, 2, 0.5, 21, batch: 4)[^1];
        var one = Posterior(1);
        var two = Posterior(2);
        Assert.Equal(2, one.Index);
        Assert.Equal(one.Particles.Select(p => (p.Unit[0], p.Unit[1], p.Weight, p.Distance)), two.Particles.Select(p => (p.Unit[0], p.Unit[1], p.Weight, p.Distance)));
    }

    [Fact]
    public void TheStateYearsTermIsZeroForARunMatchingEveryStateAndGrowsWithItsError()
    {
        var (engine, timeline, observed, _) = World();
        var run = engine.Run(timeline, engine.Inputs.WeeksThrough(2018), 4);
        var exact = observed with { States = Enumerable.Range(2015, 4).ToDictionary(y => y, y => engine.Inputs.SumByState(m => run.Homicides(m, y))) };
        Assert.Equal(0, EngineInference.StateYears(run, engine.Inputs, exact, 2015, 2018), 12);
        var third = exact with { States = exact.States.ToDictionary(x => x.Key, x => x.Value.Select(v => ((v + 1) * 1.5) - 1).ToArray()) };
        var double_ = exact with { States = exact.States.ToDictionary(x => x.Key, x => x.Value.Select(v => ((v + 1) * 2) - 1).ToArray()) };
        Assert.Equal(4 * Math.Pow(Math.Log(1.5), 2), EngineInference.StateYears(run, engine.Inputs, third, 2015, 2018), 9);
        Assert.True(EngineInference.StateYears(run, engine.Inputs, double_, 2015, 2018) > EngineInference.StateYears(run, engine.Inputs, third, 2015, 2018));
    }

    [Fact]
    public void ThePredictiveCheckCountsTheYearsAndStateYearsTheBandsCover()
    {
        var (engine, timeline, _, _) = World();
        var replicates = Enumerable.Range(0, 12).Select(k => engine.Run(timeline, engine.Inputs.WeeksThrough(2018), (ulong)k + 1)).ToList();
        var summary = EnsembleSummary.ByYear(replicates, engine.Inputs);
        var middle = new ObservedHomicides(
            summary.ToDictionary(y => y.Year, y => (y.Homicides.P5 + y.Homicides.P95) / 2),
            summary.ToDictionary(y => y.Year, y => y.States.Select(s => (s.Homicides.P5 + s.Homicides.P95) / 2).ToArray()),
            new Dictionary<int, double[]>());
        var inside = PredictiveCheck.Of(summary, middle, 2015);
        Assert.All(inside.National, n => Assert.True(n.Covered));
        Assert.Equal(8, inside.StateYears);
        Assert.Equal(1.0, inside.StateCoverage);
        Assert.All(inside.Checks(), c => Assert.True(c.Passed, c.Name));

        // Every count far above its band but the second state's in 2016 and 2017: 2 of 8 state-years, no national year.
        var far = middle with
        {
            National = middle.National.ToDictionary(x => x.Key, x => (x.Value * 10) + 100),
            States = middle.States.ToDictionary(x => x.Key, x => new[] { (x.Value[0] * 10) + 100, x.Key is 2016 or 2017 ? x.Value[1] : (x.Value[1] * 10) + 100 }),
        };
        var outside = PredictiveCheck.Of(summary, far, 2015);
        Assert.All(outside.National, n => Assert.False(n.Covered));
        Assert.Equal(0.25, outside.StateCoverage);
        Assert.False(outside.Checks().Last().Passed);
    }
}
