using Paz.Data.Groups;
using Paz.Data.Scenarios;

namespace Paz.Data.Tests;

/// <summary>Malformed network and scenario files stop with file, line and expectation.</summary>
public class ScenarioAndNetworkInputTests
{
    private const string Nodes = "Node,Group,State,ShortName\nN1,Alpha,Sinaloa,A\nN2,Beta,Jalisco,B\n";
    private const string TieHeader = "Edge,Node,Group,RNode,RGroup,weight\n";

    private static DataFormatException NetworkError(string rivals, string nodes = Nodes)
    {
        using var n = new BrokenFile("nodes.csv", nodes);
        using var r = new BrokenFile("rivals.csv", rivals);
        using var a = new BrokenFile("allies.csv", TieHeader);
        return Assert.Throws<DataFormatException>(() => GroupNetworkLoader.Load(n.Path, r.Path, a.Path));
    }

    [Fact]
    public void ATieToAnUnknownNodeIsRefused()
    {
        var error = NetworkError(TieHeader + "E1,N1,Alpha,N2,Beta,3\nE2,N1,Alpha,N9,Gamma,1\n");
        Assert.EndsWith("rivals.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Contains("column 'RNode': expected a node of the nodes file, found 'N9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeWeightIsRefused()
    {
        var error = NetworkError(TieHeader + "E1,N1,Alpha,N2,Beta,-3\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("column 'weight': expected a whole number of at least 0, found '-3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnIsRefused()
    {
        var error = NetworkError("Edge,Node,Group,RNode,RGroup\nE1,N1,Alpha,N2,Beta\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("expected a column named 'weight'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameThatDisagreesWithItsNodeIsRefused()
    {
        var error = NetworkError(TieHeader + "E1,N1,Alfa,N2,Beta,3\n");
        Assert.Contains("column 'Group': expected the name of node N1, 'Alpha', found 'Alfa'", error.Message, StringComparison.Ordinal);
    }

    private const string Scenario = """
        name: test
        engine: aggregate
        weeks: 600
        experiment:
          name: half
          recruitment_factor: 0.5
        parameters:
          rho: 2.6e-3
        """;

    private static DataFormatException ScenarioError(string yaml)
    {
        using var file = new BrokenFile("scenario.yaml", yaml);
        var error = Assert.Throws<DataFormatException>(() => AggregateScenarioReader.Read(file.Path));
        Assert.Equal(file.Path, error.File);
        return error;
    }

    [Fact]
    public void AValidScenarioReadsWithDefaultsForWhatItOmits()
    {
        using var file = new BrokenFile("scenario.yaml", Scenario);
        var scenario = AggregateScenarioReader.Read(file.Path);
        Assert.Equal(600, scenario.Weeks);
        Assert.Equal(2.6e-3, scenario.Parameters.Rho);
        Assert.Equal(110, scenario.Parameters.Eta);
        Assert.Equal(520, scenario.Experiment!.FromWeek);
        Assert.Equal(0.5, scenario.Experiment.RecruitmentFactor);
        Assert.Equal(1, scenario.Experiment.IncapacitationFactor);
    }

    [Fact]
    public void AnUnknownKeyIsRefusedAtItsLine()
    {
        var error = ScenarioError(Scenario.Replace("  rho: 2.6e-3", "  rho: 2.6e-3\n  lambda: 4", StringComparison.Ordinal));
        Assert.Equal(9, error.Line);
        Assert.Contains("unknown key 'lambda'; expected one of: c0, eta, omega, rho, theta", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongTypeIsRefusedAtItsLine()
    {
        var error = ScenarioError(Scenario.Replace("weeks: 600", "weeks: many", StringComparison.Ordinal));
        Assert.Equal(3, error.Line);
        Assert.Contains("'weeks': expected a whole number from 1 to 5200, found 'many'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutOfRangeValueIsRefusedWithTheRange()
    {
        var error = ScenarioError(Scenario.Replace("rho: 2.6e-3", "rho: 0.5", StringComparison.Ordinal));
        Assert.Equal(8, error.Line);
        Assert.Contains("'rho': expected a number from 0.002 to 0.003, found '0.5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYamlIsRefusedWithItsLine()
    {
        var error = ScenarioError("name: test\nengine: [aggregate\n");
        Assert.InRange(error.Line, 2, 3);
        Assert.Contains("expected valid YAML", error.Message, StringComparison.Ordinal);
    }
}

public class AgentScenarioInputTests
{
    private const string Valid = """
        name: test
        engine: agent
        start: 2015-01
        end: 2016-12
        replicates: 3
        seed: 7
        policy:
          leader_removals_per_week: 0.5
        parameters:
          conflict_intensity: 1e-4
        """;

    private static DataFormatException Error(string yaml)
    {
        using var file = new BrokenFile("agent.yaml", yaml);
        var error = Assert.Throws<DataFormatException>(() => Scenarios.AgentScenarioReader.Read(file.Path));
        Assert.Equal(file.Path, error.File);
        return error;
    }

    [Fact]
    public void AValidAgentScenarioReads()
    {
        using var file = new BrokenFile("agent.yaml", Valid);
        var scenario = Scenarios.AgentScenarioReader.Read(file.Path);
        Assert.Equal(3, scenario.Replicates);
        Assert.Equal(1e-4, scenario.Parameters.ConflictIntensity);
        Assert.Equal(0.5, scenario.Policy.LeaderRemovalsPerWeek);
        Assert.Equal(new DateOnly(2016, 12, 1), scenario.End);
    }

    [Fact]
    public void AnUnknownKeyIsRefused()
    {
        var error = Error(Valid.Replace("seed: 7", "seed: 7\nhorizon: 2024", StringComparison.Ordinal));
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown key 'horizon'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongTypeIsRefused()
    {
        var error = Error(Valid.Replace("replicates: 3", "replicates: three", StringComparison.Ordinal));
        Assert.Equal(5, error.Line);
        Assert.Contains("'replicates': expected a whole number from 1 to 10000, found 'three'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutOfRangeParameterIsRefused()
    {
        var error = Error(Valid.Replace("conflict_intensity: 1e-4", "conflict_intensity: 5", StringComparison.Ordinal));
        Assert.Equal(10, error.Line);
        Assert.Contains("'conflict_intensity': expected a number from 1E-05 to 0.01, found '5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedMonthIsRefused()
    {
        var error = Error(Valid.Replace("end: 2016-12", "end: December", StringComparison.Ordinal));
        Assert.Equal(4, error.Line);
        Assert.Contains("'end': expected a month as YYYY-MM", error.Message, StringComparison.Ordinal);
    }
}

public class ScenarioBaseTests
{
    [Fact]
    public void AScenarioBuildsOnItsBaseAndChangesOnlyWhatItLists()
    {
        var folder = Directory.CreateTempSubdirectory("paz-base-").FullName;
        File.WriteAllText(Path.Combine(folder, "base.yaml"), "name: base\nengine: agent\nstart: 2015-01\nend: 2018-12\nreplicates: 7\nseed: 5\nparameters:\n  conflict_intensity: 2e-4\npolicy:\n  leader_removals_per_week: 0.5\n");
        File.WriteAllText(Path.Combine(folder, "child.yaml"), "name: child\nbase: base.yaml\npolicy:\n  leader_removals_per_week: 0\n");
        var child = Scenarios.AgentScenarioReader.Read(Path.Combine(folder, "child.yaml"));
        Assert.Equal("child", child.Name);
        Assert.Equal(7, child.Replicates);
        Assert.Equal(5UL, child.Seed);
        Assert.Equal(new DateOnly(2018, 12, 1), child.End);
        Assert.Equal(2e-4, child.Parameters.ConflictIntensity);
        Assert.Equal(0, child.Policy.LeaderRemovalsPerWeek);
    }

    [Fact]
    public void AMissingBaseIsAnErrorAtItsLine()
    {
        var folder = Directory.CreateTempSubdirectory("paz-base-").FullName;
        var path = Path.Combine(folder, "child.yaml");
        File.WriteAllText(path, "name: child\nbase: nowhere.yaml\n");
        var error = Assert.Throws<DataFormatException>(() => Scenarios.AgentScenarioReader.Read(path));
        Assert.Equal(2, error.Line);
        Assert.Contains("'base': expected an existing scenario file", error.Message, StringComparison.Ordinal);
    }
}

public class PolicySwitchInputTests
{
    private static string Write(string text)
    {
        var folder = Directory.CreateTempSubdirectory("paz-switch-").FullName;
        var path = Path.Combine(folder, "s.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private const string Head = "name: s\nengine: agent\nstart: 2015-01\nend: 2024-12\nreplicates: 2\nseed: 1\n";

    [Fact]
    public void ASwitchChangesThePolicyFromItsMonthAndKeepsTheRest()
    {
        var scenario = Paz.Data.Scenarios.AgentScenarioReader.Read(Write(Head + "policy:\n  leader_removals_per_week: 0.5\nswitch:\n  from: 2018-12\n  policy:\n    targeting: [most_violent_first, middle_layer_sweep]\n    priority: [CJNG]\n    anti_corruption: 0.7\n"));
        var before = scenario.Policy.At(new DateOnly(2018, 11, 30));
        var after = scenario.Policy.At(new DateOnly(2018, 12, 1));
        Assert.Equal(Paz.Simulation.Agents.Targeting.HighValue, before.Targeting);
        Assert.Equal(Paz.Simulation.Agents.Targeting.MostViolentFirst | Paz.Simulation.Agents.Targeting.MiddleLayerSweep, after.Targeting);
        Assert.Equal(["CJNG"], after.Priority);
        Assert.Equal(0.7, after.AntiCorruption);
        Assert.Equal(0.5, after.LeaderRemovalsPerWeek); // kept from the earlier policy
    }

    [Fact]
    public void TheGuardsPersonnelAndPostureAreRead()
    {
        var scenario = Paz.Data.Scenarios.AgentScenarioReader.Read(Write(Head + "switch:\n  from: 2018-12\n  policy:\n    guard_personnel_start: 50000\n    guard_personnel_full: 150000\n    guard_posture: proactive\n    guard_places: 266\n"));
        var after = scenario.Policy.At(new DateOnly(2019, 1, 1));
        Assert.Equal((50000, 150000, Paz.Simulation.Agents.GuardPosture.Proactive, 266), (after.GuardPersonnelStart, after.GuardPersonnelFull, after.GuardPosture, after.GuardPlaces));
        Assert.Equal(0, scenario.Policy.GuardPersonnelFull);
    }

    [Fact]
    public void ThePullbackTheGuardByPlanAndJusticeAreRead()
    {
        var scenario = Paz.Data.Scenarios.AgentScenarioReader.Read(Write(Head + "switch:\n  from: 2018-12\n  policy:\n    guard_plan: true\n    justice_capacity: 2\n    military_personnel: 40000\n    pullback:\n      plan: transition\n      from: 2019-06\n"));
        var after = scenario.Policy.At(new DateOnly(2019, 1, 1));
        Assert.True(after.GuardFromPlan);
        Assert.Equal((2.0, 40000), (after.JusticeCapacity, after.MilitaryPersonnel));
        Assert.Equal(new Paz.Simulation.Agents.MilitaryPullback(Paz.Simulation.Agents.PullbackPlan.Transition, new DateOnly(2019, 6, 1), 24), after.Pullback);
        Assert.False(after.Pullback!.Resolved); // regions and exits come from the data, before the run
        Assert.Null(after.GuardPostureByClass);
        Assert.Null(scenario.Policy.Pullback);
    }

    [Theory]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    pullback:\n      plan: overnight\n      from: 2019-06\n", 11, "'plan': expected schedule (regions leave one after another) or transition")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    pullback:\n      plan: schedule\n      from: June\n", 12, "'from': expected a month as YYYY-MM")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    pullback:\n      plan: schedule\n      from: 2019-06\n      months: 0\n", 13, "'months': expected a whole number from 1 to 240")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    pullback:\n      plan: schedule\n      speed: fast\n", 12, "unknown key 'speed'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    guard_posture_by_class:\n      high: proactive\n", 11, "'guard_posture_by_class' needs 'guard_plan: true'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    guard_plan: true\n    guard_posture_by_class:\n      high: raid\n", 12, "'high': expected patrol, proactive or garrison, found 'raid'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    guard_plan: true\n    guard_posture_by_class:\n      extreme: proactive\n", 12, "unknown key 'extreme'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    justice_capacity: 50\n", 10, "'justice_capacity': expected a number from 0.2 to 10")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    guard_plan: maybe\n", 10, "'guard_plan'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    targeting: [carpet_bombing]\n", 10, "'targeting': expected a list of none, high_value, middle_layer_sweep, most_violent_first, found 'carpet_bombing'")]
    [InlineData("switch:\n  from: 2014-12\n  policy:\n    anti_corruption: 0.5\n", 8, "'from': expected a month after 'start' (2015-01)")]
    [InlineData("switch:\n  from: 2018-12\n", 8, "'switch' needs a 'policy' block")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    anti_corruption: 2\n", 10, "'anti_corruption': expected a number from 0 to 1")]
    [InlineData("switch:\n  from: 2018-12\n  when: now\n  policy:\n    anti_corruption: 0.5\n", 9, "unknown key 'when'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    guard_posture: checkpoint\n", 10, "'guard_posture': expected patrol, proactive or garrison, found 'checkpoint'")]
    [InlineData("switch:\n  from: 2018-12\n  policy:\n    guard_personnel_full: lots\n", 10, "'guard_personnel_full': expected a whole number from 0 to 1000000")]
    public void AMalformedSwitchIsRefusedWithItsLine(string tail, int line, string expectation)
    {
        var error = Assert.Throws<DataFormatException>(() => Paz.Data.Scenarios.AgentScenarioReader.Read(Write(Head + tail)));
        Assert.Equal(line, error.Line);
        Assert.Contains(expectation, error.Message, StringComparison.Ordinal);
    }
}
