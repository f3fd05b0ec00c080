using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;

namespace Paz.Simulation.Tests.Agents;

/// <summary>A scenario's outlook after 2018 with the engine's structural error measured on a replay.</summary>
public class ModelErrorOutlookTests
{
    // Synthetic (not real data): two municipalities of one state, replicates of 2018-2021 with a fixed monthly count
    // per municipality in 2018 and another from 2019.
    private static readonly EngineInputs World = SmallWorld.Inputs(2) with { Start = new DateOnly(2018, 1, 1) };

    private static ReplicateResult[] Runs(int in2018, int later, DateOnly? start = null)
    {
        var first = start ?? World.Start;
        var firstMonth = (first.Year * 12) + first.Month - 1;
        var months = ((2021 - first.Year) * 12) + 12 - (first.Month - 1);
        return [.. Enumerable.Range(0, 10).Select(k => new ReplicateResult((ulong)k, firstMonth, months,
            [.. Enumerable.Range(0, 2 * months).Select(i => (firstMonth + (i % months)) / 12 == 2018 ? in2018 : later + (k % 3))], []))];
    }

    // INEGI's 2018 in this world: half as much again as the runs simulate.
    private static ObservedHomicides Observed2018 { get; } = new(
        new Dictionary<int, double> { [2018] = 3600 }, new Dictionary<int, double[]> { [2018] = [3600] }, new Dictionary<int, double[]> { [2018] = [1800, 1800] });

    private static ModelDiscrepancy Steps(double national) => new(0, national, [0], [0.3]);

    [Fact]
    public void TheOutlookStartsFromTheRunsGapIn2018AndWidensWithTheYears()
    {
        var outlook = ModelErrorOutlook.Of("a", Runs(in2018: 100, later: 100), World, Steps(0.2), Observed2018, 2021)!;

        Assert.Equal([2019, 2020, 2021], outlook.Draws.Keys.Order());
        var median2019 = outlook.Draws[2019].Order().ElementAt(outlook.Draws[2019].Length / 2);
        Assert.InRange(median2019, 2400 * 1.5 * 0.9, 2400 * 1.5 * 1.1); // the run's 2,400 times INEGI's 3,600 over the run's 2,400
        var widths = outlook.Draws.Keys.Order().Select(y => Band.Of(outlook.Draws[y])).Select(b => b.P95 / b.P5).ToList();
        Assert.True(widths[0] < widths[1] && widths[1] < widths[2], string.Join(", ", widths));
        Assert.Equal(10 * ModelDiscrepancy.PathsPerReplicate, outlook.Draws[2021].Length);
    }

    [Fact]
    public void ScenariosSharingTheErrorsPathsKeepTheSignOfTheirDifferenceInEveryDraw()
    {
        var high = ModelErrorOutlook.Of("high", Runs(100, 100), World, Steps(0.4), Observed2018, 2021)!;
        var low = ModelErrorOutlook.Of("low", Runs(100, 90), World, Steps(0.4), Observed2018, 2021)!;

        Assert.All(low.Draws[2021].Zip(high.Draws[2021]), pair => Assert.True(pair.First < pair.Second));
        var difference = low.DifferenceFrom(high, 2021);
        Assert.True(difference.P95 < 0, $"{difference}");
        // Each scenario's own band is far wider than the gap between them: the bands overlap, the pairs do not.
        Assert.True(Band.Of(low.Draws[2021]).P95 > Band.Of(high.Draws[2021]).P5);
    }

    [Fact]
    public void ARunStartedLateIn2018TakesNoGapFromIt()
    {
        var start = new DateOnly(2018, 12, 1);
        var outlook = ModelErrorOutlook.Of("cold", Runs(100, 100, start), World with { Start = start }, Steps(0.05), Observed2018, 2021)!;

        var median2019 = outlook.Draws[2019].Order().ElementAt(outlook.Draws[2019].Length / 2);
        Assert.InRange(median2019, 2400 * 0.9, 2400 * 1.1); // December alone is no year to compare with INEGI's
    }

    [Fact]
    public void ARunEndingIn2018HasNoOutlook() =>
        Assert.Null(ModelErrorOutlook.Of("short", Runs(100, 100), World, Steps(0.2), Observed2018, 2018));
}
