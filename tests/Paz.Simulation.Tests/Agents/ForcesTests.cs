using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The military's pullback, justice and the Guard deployed by plan, on the calibrated baseline with fixed seeds.</summary>
public class ForcesTests
{
    private static readonly ulong[] Seeds = [401, 402, 403, 404, 405, 406];

    private static readonly DateOnly PullbackStart = new(2019, 6, 1);

    private static Settings Pullback(Settings settings, PullbackPlan plan) =>
        settings.With(ForceLevers.Pullback, plan).With(ForceLevers.PullbackFrom, PullbackStart).With(ForceLevers.PullbackMonths, 24);

    private static Settings GuardByPlan(Settings settings) =>
        settings.With(ForceLevers.GuardPlan, true).With(ForceLevers.GuardPersonnelStart, 50_000).With(ForceLevers.GuardPersonnelFull, 150_000);

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void PullbackWithoutTransitionRaisesHomicidesInTheAffectedRegionsMoreThanTheConcentricCirclesPlan()
    {
        var stays = CalibratedBaseline.SwitchingTo(p => p);
        var schedule = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Schedule));
        var transition = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Transition));

        // The schedule leaves every region by mid-2021, so the affected regions are all of them; 2020-2021 is after the first exits.
        double Homicides(AgentScenario s, ulong seed) => CalibratedBaseline.Homicides(s, seed, 2020, 2021);

        var baseline = Seeds.Select(s => Homicides(stays, s)).ToList();
        var riseWithoutPlan = Seeds.Select((s, k) => Homicides(schedule, s) - baseline[k]).ToList();
        var riseWithPlan = Seeds.Select((s, k) => Homicides(transition, s) - baseline[k]).ToList();
        Paired.AssertLessWithMargin([.. baseline.Select(_ => 0.0)], riseWithoutPlan, "rise in homicides 2020-2021 after a scheduled pullback");
        Paired.AssertLessWithMargin(riseWithPlan, riseWithoutPlan, "rise in homicides 2020-2021: concentric-circles plan against schedule");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void JointPatrolsBeforeTheExitLowerHomicidesWhereTheMilitaryLeaves()
    {
        var untrained = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Transition).With(JointPatrols.Gain, 0));
        var trained = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Transition).With(JointPatrols.Gain, 1));
        var plan = trained.Timeline.Periods[^1].Forces!.Pullback!;
        var handedOver = Enumerable.Range(0, plan.RegionOf!.Count).Where(m => plan.JointFrom![plan.RegionOf[m]] is not null).ToList();
        double Homicides(AgentScenario scenario, ulong seed)
        {
            var run = CalibratedBaseline.Engine.Run(scenario.Timeline, CalibratedBaseline.WeeksThrough(2021), seed);
            return handedOver.Sum(m => run.Homicides(m, 2020) + run.Homicides(m, 2021));
        }

        Paired.AssertLessWithMargin(
            [.. Seeds.Select(s => Homicides(trained, s))],
            [.. Seeds.Select(s => Homicides(untrained, s))],
            $"homicides 2020-2021 in the {handedOver.Count} municipalities handed over: police who patrolled with the soldiers against police who did not");
    }

    [Fact]
    public void OnlyTheConcentricCirclesPlanHasJointPatrols()
    {
        var transition = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Transition)).Timeline.Periods[^1].Forces!.Pullback!;
        var schedule = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Schedule)).Timeline.Periods[^1].Forces!.Pullback!;
        Assert.Null(schedule.JointFrom);
        Assert.All(transition.Exit!.Select((exit, r) => (exit, joint: transition.JointFrom![r])).Where(x => x.exit is not null), x => Assert.True(x.joint < x.exit, "every exit follows its region's joint patrols"));
    }

    [Fact]
    public void TheTransitionPlanHandsOverOnlyRegionsThatMeetItsEntryConditions()
    {
        var transition = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Transition));
        var schedule = CalibratedBaseline.SwitchingTo(p => Pullback(p, PullbackPlan.Schedule));
        var planned = transition.Timeline.Periods[^1].Forces!.Pullback!;
        var scheduled = schedule.Timeline.Periods[^1].Forces!.Pullback!;

        Assert.True(planned.Resolved && scheduled.Resolved);
        Assert.Equal(266, scheduled.Exit!.Count);
        Assert.All(scheduled.Exit, exit => Assert.NotNull(exit));
        Assert.InRange(planned.Exit!.Count(e => e is not null), 1, 265); // some regions qualify, the violent ones keep the military
        Assert.All(planned.Exit!.Where(e => e is not null), exit => Assert.True(exit >= PullbackStart.AddMonths(6), "joint patrols come before every exit"));
        Assert.True(planned.Reserve > 0 && double.IsFinite(planned.ReentryRate));
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void MoreProsecutorialCapacityConvictsMoreDetaineesAndLowersImpunity()
    {
        var asBefore = CalibratedBaseline.SwitchingTo(p => p);
        var reformed = CalibratedBaseline.SwitchingTo(p => p.With(Justice.JusticeCapacity, 3).With(ReformLevers.ReformWeeks, 52));
        var weeks = CalibratedBaseline.WeeksThrough(2020);
        double Impunity(AgentScenario s, ulong seed)
        {
            var flows = CalibratedBaseline.Engine.Run(s.Timeline, weeks, seed).Weeks.Where(w => w.Date.Year == 2020).ToList();
            return 100.0 * flows.Sum(w => w.Releases) / Math.Max(1, flows.Sum(w => w.Releases + w.Convictions));
        }

        Paired.AssertLessWithMargin([.. Seeds.Take(4).Select(s => Impunity(reformed, s))], [.. Seeds.Take(4).Select(s => Impunity(asBefore, s))], "impunity in 2020, % of detentions ended without conviction");
    }

    [Fact]
    public void TheGuardsPostureFollowsTheRegionsInsecurityClass()
    {
        var planned = CalibratedBaseline.SwitchingTo(p => GuardByPlan(p)
            .With(ForceLevers.Posture, GuardPosture.Patrol)
            .With(ForceLevers.GuardPostureHigh, 1 + (int)GuardPosture.Proactive)
            .With(ForceLevers.GuardPostureLow, 1 + (int)GuardPosture.Garrison));
        var period = planned.Timeline.Periods[^1];
        var forces = period.Forces!;
        var byRegion = Enumerable.Range(0, forces.RegionOf!.Count)
            .GroupBy(m => forces.RegionOf[m])
            .Select(g => (Contingent: Math.Round(g.Sum(m => forces.GuardDeployment![m])), Postures: g.Select(m => ForceLevers.PostureIn(period, m)).Distinct().ToList()))
            .ToList();

        Assert.All(byRegion, r => Assert.Single(r.Postures));
        Assert.All(byRegion.Where(r => r.Contingent == 600), r => Assert.Equal(GuardPosture.Proactive, r.Postures[0]));
        Assert.All(byRegion.Where(r => r.Contingent == 450), r => Assert.Equal(GuardPosture.Patrol, r.Postures[0]));
        Assert.All(byRegion.Where(r => r.Contingent == 300), r => Assert.Equal(GuardPosture.Garrison, r.Postures[0]));
    }

    [Fact]
    public void TheGuardDeployedByPlanGivesEachRegionItsClasssContingent()
    {
        var planned = CalibratedBaseline.SwitchingTo(GuardByPlan);
        var forces = planned.Timeline.Periods[^1].Forces!;
        var byRegion = forces.GuardDeployment!.GroupBy(kv => forces.RegionOf![kv.Key]).Select(g => Math.Round(g.Sum(kv => kv.Value))).ToList();

        Assert.Equal(266, byRegion.Count);
        Assert.Equal(59, byRegion.Count(x => x == 300));
        Assert.Equal(54, byRegion.Count(x => x == 450));
        Assert.Equal(153, byRegion.Count(x => x == 600));
    }
}
