using Paz.Data.Scenarios;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The security pillar's claims on the shipped scenarios, with fixed seeds; margins come from the runs
/// (the mean paired difference must exceed twice its standard error).
/// </summary>
public class SecurityPillarTests
{
    private static string Folder => CalibratedBaseline.Folder;

    private static readonly ulong[] Seeds = [201, 202, 203, 204, 205, 206];

    [Fact]
    public void NoTargetingWithABrutalCrimesFocusGivesASmallerFallInHomicidesThanMostViolentFirst()
    {
        var (engine, baseline) = (CalibratedBaseline.Engine, CalibratedBaseline.Scenario);
        var plan = AgentScenarioReader.Read(Path.Combine(Folder, "plan-2018.yaml"));
        var recommended = AgentScenarioReader.Read(Path.Combine(Folder, "recommended.yaml"));
        var weeks = (int)((new DateOnly(2021, 12, 31).DayNumber - baseline.Start.DayNumber) / 7) + 1;
        double Homicides2019To2021(AgentScenario s, ulong seed)
        {
            var run = engine.Run(s.Parameters, s.Policy, weeks, seed);
            return run.Homicides(2019) + run.Homicides(2020) + run.Homicides(2021);
        }

        Paired.AssertLessWithMargin([.. Seeds.Select(s => Homicides2019To2021(recommended, s))], [.. Seeds.Select(s => Homicides2019To2021(plan, s))], "national homicides 2019-2021");
    }
}
