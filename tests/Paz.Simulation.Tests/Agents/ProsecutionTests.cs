using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The prosecution chain: swept middle layers testify against their leaders.</summary>
public class ProsecutionTests
{
    private static readonly ulong[] Seeds = [431, 432, 433, 434];

    // Sweeps alone from December 2018, every quarter, no leaks: the chain's only source of leader arrests.
    private static Settings SweepsOnly(Settings settings, double testimony) =>
        settings.With(Targeting.Strategy, TargetingStrategy.MiddleLayerSweep).With(Targeting.IntelligenceWeeks, 13).With(Targeting.IntelligenceLeak, 0)
            .With(Prosecution.PleaTestimony, testimony);

    private static double LeadersRemoved(double testimony, ulong seed)
    {
        var scenario = CalibratedBaseline.SwitchingTo(p => SweepsOnly(p, testimony));
        var run = CalibratedBaseline.Engine.Run(scenario.Timeline, CalibratedBaseline.WeeksThrough(2020), seed);
        return run.Weeks.Where(w => w.Date.Year is 2019 or 2020).Sum(w => w.LeadersRemoved);
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void TheProsecutionChainRaisesLeaderArrestsAfterSweeps()
    {
        Paired.AssertLessWithMargin(
            [.. Seeds.Select(s => LeadersRemoved(0, s))],
            [.. Seeds.Select(s => LeadersRemoved(0.1, s))],
            "leaders removed 2019-2020 under sweeps alone: testimony against none");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void ProsecutorsWhereTheSweptGroupsWorkObtainMoreTestimonyAgainstLeadersThanProsecutorsElsewhere()
    {
        string[] whereGroupsAre = ["Jalisco", "Sinaloa", "Michoacán", "Tamaulipas", "Guerrero"];
        string[] whereFewAre = ["Yucatán", "Campeche", "Tlaxcala", "Aguascalientes", "Querétaro"];
        Paired.AssertLessWithMargin(
            [.. Seeds.Select(s => LeadsGiven(whereFewAre, s))],
            [.. Seeds.Select(s => LeadsGiven(whereGroupsAre, s))],
            "leads against leaders given 2019-2020, tripled prosecutorial capacity in five states where few groups work against five where many do");
    }

    private static double LeadsGiven(string[] states, ulong seed)
    {
        var scenario = CalibratedBaseline.SwitchingTo(p => SweepsOnly(p, 0.005).With(Justice.JusticeCapacity, 3).With(ReformLevers.ReformWeeks, 1).With(Justice.JusticeStates, (IReadOnlyList<string>)states));
        var run = CalibratedBaseline.Engine.Run(scenario.Timeline, CalibratedBaseline.WeeksThrough(2020), seed);
        return run.Metrics!.Rows().Where(r => r.Metric == Prosecution.LeadsGiven.Name && r.Level == MetricLevel.National && r.Year is 2019 or 2020).Sum(r => r.Value);
    }
}
