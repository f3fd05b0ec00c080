using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Civilian police: real strength by municipality, deterring less than soldiers, softening the military's exit.</summary>
public class PolicingTests
{
    private static readonly ulong[] Seeds = [411, 412, 413, 414, 415];

    // Homicides 2020-2021 of the baseline continued, per seed: the reference of the paired comparisons below.
    private static readonly Lazy<List<double>> AsBefore = new(() => [.. Seeds.Select(s => Homicides(CalibratedBaseline.SwitchingTo(p => p), s))]);

    private static double Homicides(AgentScenario scenario, ulong seed) => CalibratedBaseline.Homicides(scenario, seed, 2020, 2021);

    private static Settings ScheduledPullback(Settings settings) =>
        settings.With(ForceLevers.Pullback, PullbackPlan.Schedule).With(ForceLevers.PullbackFrom, new DateOnly(2019, 6, 1)).With(ForceLevers.PullbackMonths, 12);

    [Fact]
    public void TheSameWithdrawalLeavesMoreDeterrenceWhereThePoliceAreMany()
    {
        var inputs = SmallWorld.Inputs(2);
        double[] soldiers = [300, 300];
        double[] withdrawn = [300, 300];
        double[] police = [50, 400]; // officers weighted as soldiers, in places of 100,000
        var factor = UniformedPresence.Presence(inputs, 0.7, 1, new UniformedPresence.Forces(soldiers, soldiers, withdrawn, null, police, police), 2015);

        // Predation left after the soldiers leave rises in both places, by less where police remain.
        Assert.All(factor, f => Assert.True(f > 1));
        Assert.True(factor[1] < factor[0], $"factor {factor[1]:0.000} with many police against {factor[0]:0.000} with few");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void PoliceChangeNothingInTheCalibrationWindow()
    {
        var weak = CalibratedBaseline.Scenario.Timeline.Select(s => s.With(Policing.PresenceWeight, 0.1));
        var strong = CalibratedBaseline.Scenario.Timeline.Select(s => s.With(Policing.PresenceWeight, 0.7));
        var weeks = CalibratedBaseline.WeeksThrough(2018);
        var a = CalibratedBaseline.Engine.Run(weak, weeks, 7);
        var b = CalibratedBaseline.Engine.Run(strong, weeks, 7);
        Assert.Equal(Enumerable.Range(2015, 4).Select(a.Homicides), Enumerable.Range(2015, 4).Select(b.Homicides));
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void APullbackRaisesHomicidesLessWherePoliceDeterMore()
    {
        var weakPolice = CalibratedBaseline.SwitchingTo(p => ScheduledPullback(p).With(Policing.PresenceWeight, 0.1));
        var strongPolice = CalibratedBaseline.SwitchingTo(p => ScheduledPullback(p).With(Policing.PresenceWeight, 0.7));
        var baseline = AsBefore.Value;
        var riseWeak = Seeds.Select((s, k) => Homicides(weakPolice, s) - baseline[k]).ToList();
        var riseStrong = Seeds.Select((s, k) => Homicides(strongPolice, s) - baseline[k]).ToList();
        Paired.AssertLessWithMargin(riseStrong, riseWeak, "rise in homicides 2020-2021 after a scheduled pullback: police worth 0.7 of a soldier against 0.1");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void HiringPoliceLowersHomicides()
    {
        var hired = CalibratedBaseline.SwitchingTo(p => p.With(Policing.Growth, 2.0).With(Policing.GrowthWeeks, 52));
        Paired.AssertLessWithMargin([.. Seeds.Select(s => Homicides(hired, s))], AsBefore.Value, "homicides 2020-2021, police tripled over 2019 against unchanged");
    }

    [Fact]
    public void ThePoliceMetricCountsTheOfficersByStateAndNationally()
    {
        var hired = CalibratedBaseline.SwitchingTo(p => p.With(Policing.Growth, 0.5).With(Policing.GrowthWeeks, 1));
        var run = CalibratedBaseline.Engine.Run(hired.Timeline, CalibratedBaseline.WeeksThrough(2019), 3);
        var rows = run.Metrics!.Rows().Where(r => r.Metric == "police").ToList();
        var inputs = CalibratedBaseline.Engine.Inputs;
        var expected2016 = Enumerable.Range(0, inputs.MunicipalityCount).Sum(m => inputs.Police![m] * inputs.PopulationIn(m, 2016) / 100_000);

        var national2016 = rows.Single(r => r.Year == 2016 && r.Level == MetricLevel.National).Value;
        Assert.Equal(expected2016, national2016, 1e-6 * expected2016);
        Assert.InRange(national2016, 250_000, 350_000); // some 167,000 municipal (2010) and 129,000 state (2017) officers
        Assert.Equal(national2016, rows.Where(r => r.Year == 2016 && r.Level == MetricLevel.State).Sum(r => r.Value), 1e-6 * national2016);
        Assert.True(rows.Single(r => r.Year == 2019 && r.Level == MetricLevel.National).Value > 1.4 * national2016, "half as many again from 2019");
    }
}

/// <summary>Soldiers a pullback withdraws are kept in reserve or sent outward, never deleted.</summary>
public class RedeploymentTests
{
    private static readonly ulong[] Seeds = [421, 422, 423, 424, 425];

    private static Settings Scheduled(Settings settings, PullbackRedeployment where) =>
        settings.With(ForceLevers.Pullback, PullbackPlan.Schedule).With(ForceLevers.PullbackFrom, new DateOnly(2019, 6, 1))
            .With(ForceLevers.PullbackMonths, 24).With(ForceLevers.PullbackRedeploy, where);

    [Fact]
    public void SoldiersSentOutwardGoToThePlacesStillHeldAndNoneAreLost()
    {
        double[] soldiers = [100, 300, 0, 600];
        double[] withdrawn = [100, 0, 0, 0];
        var after = UniformedPresence.Outward(soldiers, withdrawn);
        Assert.Equal([100, 300 + 100 * 300.0 / 900, 0, 600 + 100 * 600.0 / 900], after);
        Assert.Equal(soldiers.Sum(), after.Zip(withdrawn, (a, w) => a - w).Sum(), 9); // deployed after the exit: as many as before
    }

    [Fact]
    public void SoldiersSentOutwardDeterMoreWhereTheyArriveThanSoldiersKeptInReserve()
    {
        // Three places of 100,000: the first is left, the second still held, the third never had soldiers.
        var inputs = SmallWorld.Inputs(3);
        double[] soldiers = [300, 300, 0];
        double[] withdrawn = [300, 0, 0];
        var reserve = UniformedPresence.Presence(inputs, 0.7, 1, new UniformedPresence.Forces(soldiers, soldiers, withdrawn, null, null, null), 2015);
        var outward = UniformedPresence.Presence(inputs, 0.7, 1, new UniformedPresence.Forces(soldiers, UniformedPresence.Outward(soldiers, withdrawn), withdrawn, null, null, null), 2015);

        Assert.Equal(reserve[0], outward[0]); // the place left loses its soldiers either way
        Assert.Equal(1, reserve[1], 12);
        Assert.True(outward[1] < reserve[1], $"predation left where the soldiers arrive: {outward[1]:0.000} against {reserve[1]:0.000}");
        Assert.Equal(reserve[2], outward[2]);
    }

    [Fact]
    public void TheWithdrawnSoldiersAreCountedInReserveOrRedeployed()
    {
        foreach (var where in new[] { PullbackRedeployment.Reserve, PullbackRedeployment.Outward })
        {
            // The plan-start world: the count needs a pullback under way, not the years before it.
            var pullback = PlanStartWorld.Policy((PlanStartWorld.Start, p => Scheduled(p, where)));
            var run = PlanStartWorld.Run(CalibratedBaseline.Resolve(CalibratedBaseline.Scenario with { Start = PlanStartWorld.Start, Timeline = pullback }).Timeline, 2020, 9);
            var rows = run.Metrics!.NationalRows().Where(r => r.Year == 2020).ToDictionary(r => r.Metric, r => r.Value);
            Assert.True(rows["soldiers_withdrawn"] > 0);
            Assert.Equal(rows["soldiers_withdrawn"], rows["soldiers_in_reserve"] + rows["soldiers_redeployed"], 6);
            Assert.Equal(where == PullbackRedeployment.Reserve ? 0 : rows["soldiers_withdrawn"], rows["soldiers_redeployed"], 6);
        }
    }
}

/// <summary>Vetting: police who fail it do not deter, and where they are many, operations leak.</summary>
public class VettingTests
{
    [Fact]
    public void VettingThePoliceRaisesTheirDeterrenceAndChangesNothingBeforeIt()
    {
        var inputs = CalibratedBaseline.Engine.Inputs;
        var sinaloa = inputs.StateNames!.ToList().IndexOf("Sinaloa");
        var culiacan = Enumerable.Range(0, inputs.MunicipalityCount).First(m => inputs.Municipalities[m] == "25006");
        double[] Effective(Settings settings, out double[]? corruption)
        {
            var context = WeekContext.For(SmallWorld.With(inputs.MunicipalityCount, (0, culiacan, 10, 2, 1)), inputs, settings, new Paz.Core.Randomness.Xoshiro256StarStar(1));
            context.NextWeek(); // a week into the period: a one-week vetting is complete
            new Policing().Step(context);
            corruption = context.PoliceCorruption;
            return [.. context.Police!];
        }

        var before = Effective(CalibratedBaseline.Scenario.Timeline.First, out var corruptionBefore);
        var vetted = Effective(CalibratedBaseline.Scenario.Timeline.First.With(Policing.Vetting, 1.0).With(Policing.GrowthWeeks, 1), out var corruptionAfter);
        Assert.True(vetted[culiacan] > 1.5 * before[culiacan], $"Culiacán's effective police: {vetted[culiacan]:0} vetted against {before[culiacan]:0}"); // 40% failed in Sinaloa
        Assert.True(corruptionBefore![sinaloa] > 4, $"Sinaloa's police fail vetting {corruptionBefore[sinaloa]:0.0} times as often as the nation's");
        Assert.Equal(0, corruptionAfter![sinaloa]);
    }
}
