using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Experiments;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The security pillar's claims on the shipped scenarios, with fixed seeds; margins come from the runs
/// (the mean paired difference must exceed twice its standard error).
/// </summary>
public class SecurityPillarTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios");

    private static readonly Lazy<(CriminalMarketEngine Engine, AgentScenario Baseline)> Setup = new(() =>
    {
        var baseline = AgentScenarioReader.Read(Path.Combine(Folder, "baseline.yaml"));
        return (new CriminalMarketEngine(EngineInputsBuilder.Build(PazDataSet.Load(DataDirectory.Locate()), baseline.Start)), baseline);
    });

    private static readonly ulong[] Seeds = [201, 202, 203, 204, 205, 206];

    private static void AssertLessWithMargin(IReadOnlyList<double> smaller, IReadOnlyList<double> larger, string what)
    {
        var differences = larger.Zip(smaller, (a, b) => a - b).ToList();
        var mean = differences.Average();
        var standardError = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1) / differences.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: smaller {smaller.Average():F1}, larger {larger.Average():F1}, mean difference {mean:F1} ± {standardError:F1} (SE)");
        Assert.True(mean > 2 * standardError, $"{what}: mean paired difference {mean:F1} is not above twice its standard error {standardError:F1}");
    }

    [Fact]
    public void NoTargetingWithABrutalCrimesFocusGivesASmallerFallInHomicidesThanMostViolentFirst()
    {
        var (engine, baseline) = Setup.Value;
        var plan = AgentScenarioReader.Read(Path.Combine(Folder, "plan-2018.yaml"));
        var recommended = AgentScenarioReader.Read(Path.Combine(Folder, "recommended.yaml"));
        var weeks = (int)((new DateOnly(2021, 12, 31).DayNumber - baseline.Start.DayNumber) / 7) + 1;
        double Homicides2019To2021(AgentScenario s, ulong seed)
        {
            var run = engine.Run(s.Parameters, s.Policy, weeks, seed);
            return run.Homicides(2019) + run.Homicides(2020) + run.Homicides(2021);
        }

        AssertLessWithMargin([.. Seeds.Select(s => Homicides2019To2021(recommended, s))], [.. Seeds.Select(s => Homicides2019To2021(plan, s))], "national homicides 2019-2021");
    }

    [Fact]
    public void RemovingAGroupsLeadersRaisesHomicidesWhereTheyWereAndNextDoorForSixMonths()
    {
        var (engine, baseline) = Setup.Value;
        var result = KingpinExperiment.Run(engine, baseline.Parameters, baseline.Policy, -1, 104, Seeds);
        AssertLessWithMargin([.. result.Pairs.Select(p => (double)p.Home6.Without)], [.. result.Pairs.Select(p => (double)p.Home6.With)], "homicides where the leaders were, 6 months");
        AssertLessWithMargin([.. result.Pairs.Select(p => (double)p.Neighbours6.Without)], [.. result.Pairs.Select(p => (double)p.Neighbours6.With)], "homicides in neighbouring places of the group, 6 months");
    }
}
