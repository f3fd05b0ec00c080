using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>A scenario is a timeline: each dated entry's levers take effect in its first week, not before.</summary>
public class TimelineTests
{
    private static readonly DateOnly Start = new(2015, 1, 1);

    [Fact]
    public void EachEntrysLeverTakesEffectAtItsDateAndNotBefore()
    {
        // High-value targeting off, on from March, off from May, on again from July (removals per week).
        var off = CalibratedBaseline.Scenario.Settings.With(Targeting.LeaderRemovalsPerWeek, 0);
        var timeline = new Timeline(
        [
            new PolicyPeriod(Start, off),
            new PolicyPeriod(new DateOnly(2015, 3, 1), off.With(Targeting.LeaderRemovalsPerWeek, 4)),
            new PolicyPeriod(new DateOnly(2015, 5, 1), off),
            new PolicyPeriod(new DateOnly(2015, 7, 1), off.With(Targeting.LeaderRemovalsPerWeek, 4)),
        ]);
        var run = CalibratedBaseline.Engine.Run(timeline, 40, 17);
        int Removed(int fromMonth, int toMonth) => run.Weeks.Where(w => w.Date.Month >= fromMonth && w.Date.Month < toMonth).Sum(w => w.LeadersRemoved);

        Assert.Equal(0, Removed(1, 3)); // before the first entry
        Assert.True(Removed(3, 5) >= 16, $"March-April: {Removed(3, 5)} leaders removed at 4 a week"); // about 34 expected
        Assert.Equal(0, Removed(5, 7)); // the second entry switches it off from its week
        Assert.True(Removed(7, 10) >= 24, $"July-September: {Removed(7, 10)} leaders removed at 4 a week");
        var firstOn = run.Weeks.First(w => w.LeadersRemoved > 0);
        Assert.True(firstOn.Date >= new DateOnly(2015, 3, 1), $"the first removal came on {firstOn.Date}, before the entry's date");
    }

    [Fact]
    public void TheGuardsRampRunsFromTheEntryThatSetItNotFromALaterOneThatChangesSomethingElse()
    {
        // The Guard grows from 0 to 10,000 over 20 weeks from March; in May an unrelated lever changes.
        var baseline = CalibratedBaseline.Scenario.Settings;
        var guard = baseline.With(ForceLevers.GuardPersonnelStart, 0).With(ForceLevers.GuardPersonnelFull, 10_000).With(ForceLevers.GuardRampWeeks, 20);
        var timeline = new Timeline(
        [
            new PolicyPeriod(Start, baseline),
            new PolicyPeriod(new DateOnly(2015, 3, 1), guard),
            new PolicyPeriod(new DateOnly(2015, 5, 1), guard.With(ReformLevers.AntiCorruption, 0.5)),
        ]);
        var officers = new List<(DateOnly Date, double Officers)>();
        var schedule = new MechanismInfo[] { UniformedPresence.Info, new("probe", "records the Guard's officers", [], () => new Probe(officers)) };
        new CriminalMarketEngine(CalibratedBaseline.Engine.Inputs, schedule, []).Run(timeline, 30, 5);

        Assert.All(officers.Where(o => o.Date < new DateOnly(2015, 3, 1)), o => Assert.Equal(0, o.Officers));
        var may = officers.First(o => o.Date >= new DateOnly(2015, 5, 1));
        Assert.True(may.Officers > 3_000, $"{may.Officers:N0} officers in the first week of May: the ramp restarted with the May entry");
        Assert.True(officers.Zip(officers.Skip(1)).All(p => p.Second.Officers >= p.First.Officers - 1e-6), "the Guard only grows");
    }

    [Theory]
    [InlineData(20_000, 1)]  // fewer soldiers than at the start: less deterrence, more violence left
    [InlineData(90_000, -1)] // more: less left
    public void SoldiersChangedByTheTimelineChangePresenceAgainstTheStartsDeployment(int soldiers, int direction)
    {
        // 53,000 soldiers at the start (the baseline's), changed from March; no Guard, no pullback.
        var baseline = CalibratedBaseline.Scenario.Settings;
        var timeline = new Timeline(
        [
            new PolicyPeriod(Start, baseline),
            new PolicyPeriod(new DateOnly(2015, 3, 1), baseline.With(ForceLevers.MilitaryPersonnel, soldiers)),
        ]);
        var factors = new List<(DateOnly Date, double[]? Factor)>();
        var schedule = new MechanismInfo[] { UniformedPresence.Info, new("probe", "records the presence factor", [], () => new DeterrenceProbe(factors)) };
        new CriminalMarketEngine(CalibratedBaseline.Engine.Inputs, schedule, []).Run(timeline, 20, 5);

        Assert.All(factors.Where(f => f.Date < new DateOnly(2015, 3, 1)), f => Assert.Null(f.Factor)); // the start's presence: nothing to correct
        var after = factors.Where(f => f.Date >= new DateOnly(2015, 3, 1)).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, f =>
        {
            var moved = f.Factor!.Where(x => Math.Abs(x - 1) > 1e-9).ToList();
            Assert.NotEmpty(moved);
            Assert.All(moved, x => Assert.Equal(direction, Math.Sign(x - 1)));
        });
    }

    private sealed class DeterrenceProbe(List<(DateOnly Date, double[]? Factor)> seen) : IMechanism
    {
        public void Step(WeekContext context) => seen.Add((context.Date, context.Deterrence is { } d ? (double[])d.Clone() : null));
    }

    private sealed class Probe(List<(DateOnly Date, double Officers)> seen) : IMechanism
    {
        public void Step(WeekContext context) => seen.Add((context.Date, context.GuardOfficers?.Sum() ?? 0));
    }

    [Fact]
    public void PeriodsOutOfDateOrderAreRefused()
    {
        var settings = Settings.Defaults;
        var error = Assert.Throws<ArgumentException>(() => new Timeline([new PolicyPeriod(Start, settings), new PolicyPeriod(new DateOnly(2016, 1, 1), settings), new PolicyPeriod(new DateOnly(2015, 6, 1), settings)]));
        Assert.Contains("date order", error.Message, StringComparison.Ordinal);
    }
}
