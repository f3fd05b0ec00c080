using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The National Guard in one municipality (the one with most homicides before 2015) for a year on the
/// calibrated baseline, against the same seeds without it.
/// </summary>
public class GuardTests
{
    private static readonly Lazy<(CriminalMarketEngine Engine, AgentScenario Baseline, int Place, int[] Neighbours)> Setup = new(() =>
    {
        var inputs = CalibratedBaseline.Engine.Inputs;
        var place = Enumerable.Range(0, inputs.MunicipalityCount).MaxBy(m => inputs.ViolenceHistory[m]);
        return (CalibratedBaseline.Engine, CalibratedBaseline.Scenario, place, inputs.Neighbours[place]);
    });

    private static readonly ulong[] Seeds = [.. Enumerable.Range(401, 24).Select(s => (ulong)s)];

    private static (double Place, double Next) Homicides(Timeline timeline, ulong seed)
    {
        var (engine, _, place, neighbours) = Setup.Value;
        var run = engine.Run(timeline, 56, seed);
        double Sum(int m) => Enumerable.Range(3, 9).Sum(t => run.MonthlyHomicides[(m * run.Months) + t]); // April to December
        return (Sum(place), neighbours.Sum(Sum));
    }

    private static Timeline Guarded(GuardPosture posture)
    {
        var (_, baseline, place, _) = Setup.Value;
        // Abuses held at none: these tests are about what a posture deters and displaces; what abuses take from a
        // Guard's deterrence is HumanRightsTests' subject.
        var settings = baseline.Settings.With(ForceLevers.GuardPersonnelStart, 6000).With(ForceLevers.GuardPersonnelFull, 6000).With(ForceLevers.Posture, posture)
            .With(Mechanisms.HumanRights.Protection, 1);
        return new Timeline([new PolicyPeriod(baseline.Start, settings) { Forces = new ResolvedForces { GuardDeployment = new Dictionary<int, double> { [place] = 1 } } }]);
    }

    // The same seeds without the Guard, shared by both postures' tests.
    private static readonly Lazy<List<(double Place, double Next)>> Control = new(() => [.. Seeds.Select(s => Homicides(Setup.Value.Baseline.Timeline, s))]);

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void AStaticGarrisonLowersCrimeWhereItSitsAndRaisesItNextDoor()
    {
        var control = Control.Value;
        var garrison = Seeds.Select(s => Homicides(Guarded(GuardPosture.Garrison), s)).ToList();
        Paired.AssertLessWithMargin([.. garrison.Select(x => x.Place)], [.. control.Select(x => x.Place)], "homicides where the garrison sits");
        Paired.AssertLessWithMargin([.. control.Select(x => x.Next)], [.. garrison.Select(x => x.Next)], "homicides next door to the garrison");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void AProactivePostureLowersCrimeBothWhereItWorksAndNextDoor()
    {
        var control = Control.Value;
        var proactive = Seeds.Select(s => Homicides(Guarded(GuardPosture.Proactive), s)).ToList();
        Paired.AssertLessWithMargin([.. proactive.Select(x => x.Place)], [.. control.Select(x => x.Place)], "homicides where the proactive Guard works");
        Paired.AssertLessWithMargin([.. proactive.Select(x => x.Next)], [.. control.Select(x => x.Next)], "homicides next door to the proactive Guard");
    }
}
