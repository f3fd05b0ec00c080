using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The security pillar's claims on the shipped scenarios, with fixed seeds; margins come from the runs
/// (the mean paired difference must exceed twice its standard error).
/// </summary>
public class SecurityPillarTests
{
    private static string Folder => CalibratedBaseline.Folder;

    private static readonly ulong[] Seeds = [201, 202, 203, 204, 205, 206];

    private static double Homicides2019To2021(AgentScenario scenario, ulong seed) => CalibratedBaseline.Homicides(scenario, seed, 2019, 2021);

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void NoTargetingWithABrutalCrimesFocusGivesASmallerFallInHomicidesThanMostViolentFirst()
    {
        var plan = CalibratedBaseline.Resolve(AgentScenarioReader.Read(Path.Combine(Folder, "plan-2018.yaml")));
        var recommended = CalibratedBaseline.Resolve(AgentScenarioReader.Read(Path.Combine(Folder, "recommended.yaml")));
        Paired.AssertLessWithMargin([.. Seeds.Select(s => Homicides2019To2021(recommended, s))], [.. Seeds.Select(s => Homicides2019To2021(plan, s))], "national homicides 2019-2021");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void WithEverythingElseEqualMostViolentFirstLowersHomicidesMoreThanNoTargetingOfOrganizations()
    {
        // The same switch in December 2018, the same enforcement following violence (the brutal-crimes focus);
        // only the targeting differs: none at all, or most violent first with middle-layer sweeps.
        var none = CalibratedBaseline.SwitchingTo(p => p.With(Targeting.Strategy, TargetingStrategy.None).With(Targeting.LeaderRemovalsPerWeek, 0));
        var mostViolentFirst = CalibratedBaseline.SwitchingTo(p => p.With(Targeting.Strategy, TargetingStrategy.MostViolentFirst | TargetingStrategy.MiddleLayerSweep).With(Targeting.LeaderRemovalsPerWeek, 0));
        Paired.AssertLessWithMargin([.. Seeds.Select(s => Homicides2019To2021(mostViolentFirst, s))], [.. Seeds.Select(s => Homicides2019To2021(none, s))], "national homicides 2019-2021, targeting only differing");
    }
}
