using Paz.Data.Groups;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

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
    public void ANodeIdFindsItsGroupAndAnUnknownOneIsRefused()
    {
        var network = new Core.Organizations.GroupNetwork([new("N1", "Alpha", "Sinaloa", "A"), new("N2", "Beta", "Jalisco", "B")], [], []);
        Assert.Equal(1, network.IndexOfNode("N2"));
        Assert.False(network.TryIndexOfNode("N9", out _));
        Assert.Contains("'N9'", Assert.Throws<KeyNotFoundException>(() => network.IndexOfNode("N9")).Message, StringComparison.Ordinal);
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
        Assert.Equal(1e-4, scenario.Settings[TerritorialConflict.ConflictIntensity]);
        Assert.Equal(0.5, scenario.Settings[Targeting.LeaderRemovalsPerWeek]);
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
        var child = ReadChildOf(
            "name: base\nengine: agent\nstart: 2015-01\nend: 2018-12\nreplicates: 7\nseed: 5\nparameters:\n  conflict_intensity: 2e-4\npolicy:\n  leader_removals_per_week: 0.5\n",
            "name: child\nbase: base.yaml\npolicy:\n  leader_removals_per_week: 0\n");
        Assert.Equal("child", child.Name);
        Assert.Equal(7, child.Replicates);
        Assert.Equal(5UL, child.Seed);
        Assert.Equal(new DateOnly(2018, 12, 1), child.End);
        Assert.Equal(2e-4, child.Settings[TerritorialConflict.ConflictIntensity]);
        Assert.Equal(0, child.Settings[Targeting.LeaderRemovalsPerWeek]);
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

    private const string Root = "name: root\nengine: agent\nstart: 2015-01\nend: 2024-12\nreplicates: 7\nseed: 5\nparameters:\n  conflict_intensity: 2e-4\npolicy:\n  leader_removals_per_week: 0.5\n  military_personnel: 61000\n";

    private const string History = "name: history\nengine: agent\nstart: 2007-01\nend: 2018-12\nreplicates: 3\nseed: 9\nparameters:\n  conflict_intensity: 1e-4\npolicy:\n  leader_removals_per_week: 0.04\ntimeline:\n  - from: 2016-12\n    leader_removals_per_week: 0.015\n";

    private static string WriteAll(params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("paz-on-").FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    [Fact]
    public void AScenarioOnAHistoryRunsItsOwnChangesOverTheHistoryInPlaceOfItsRoot()
    {
        var folder = WriteAll(("root.yaml", Root), ("history.yaml", History),
            ("plan.yaml", "name: plan\nbase: root.yaml\ntimeline:\n  - from: 2018-12\n    leader_removals_per_week: 0\n    anti_corruption: 0.5\n"),
            ("plan-on-history.yaml", "name: plan on history\nbase: plan.yaml\non: history.yaml\n"));
        var plan = Scenarios.AgentScenarioReader.Read(Path.Combine(folder, "plan-on-history.yaml"));
        Assert.Equal(("plan on history", new DateOnly(2007, 1, 1), new DateOnly(2024, 12, 1), 3, 9UL), (plan.Name, plan.Start, plan.End, plan.Replicates, plan.Seed));
        Assert.Equal(1e-4, plan.Settings[TerritorialConflict.ConflictIntensity]); // the history's fit, not the root's
        var before = plan.Timeline.At(new DateOnly(2018, 11, 1)).Settings;
        Assert.Equal(0.015, before[Targeting.LeaderRemovalsPerWeek]); // the history's record, not the root's policy
        Assert.Equal(Settings.Defaults.Whole(ForceLevers.MilitaryPersonnel), before.Whole(ForceLevers.MilitaryPersonnel)); // the root's 61,000 soldiers are not run
        var after = plan.Timeline.At(new DateOnly(2019, 1, 1)).Settings;
        Assert.Equal((0.0, 0.5), (after[Targeting.LeaderRemovalsPerWeek], after[ReformLevers.AntiCorruption]));
        Assert.DoesNotContain(Path.Combine(folder, "root.yaml"), plan.Files);
        Assert.Contains(Path.Combine(folder, "history.yaml"), plan.Files);

        // The root itself on the history: the history continued to the root's end under its last policy.
        var continued = Scenarios.AgentScenarioReader.Read(Path.Combine(WriteAll(("root.yaml", Root), ("history.yaml", History),
            ("baseline-on-history.yaml", "name: baseline on history\nbase: root.yaml\non: history.yaml\n")), "baseline-on-history.yaml"));
        Assert.Equal(new DateOnly(2024, 12, 1), continued.End);
        Assert.Equal(0.015, continued.Timeline.At(new DateOnly(2024, 1, 1)).Settings[Targeting.LeaderRemovalsPerWeek]);
    }

    [Fact]
    public void OnWithoutABaseOrEndingBeforeTheHistoryIsAnErrorAtItsLine()
    {
        var folder = WriteAll(("history.yaml", History), ("alone.yaml", "name: alone\nengine: agent\non: history.yaml\n"),
            ("short-root.yaml", Root.Replace("end: 2024-12", "end: 2016-12", StringComparison.Ordinal)), ("short.yaml", "name: short\nbase: short-root.yaml\non: history.yaml\n"));
        var alone = Assert.Throws<DataFormatException>(() => Scenarios.AgentScenarioReader.Read(Path.Combine(folder, "alone.yaml")));
        Assert.Equal(3, alone.Line);
        Assert.Contains("'on' replaces the root of the file's base chain: it needs 'base'", alone.Message, StringComparison.Ordinal);
        var early = Assert.Throws<DataFormatException>(() => Scenarios.AgentScenarioReader.Read(Path.Combine(folder, "short.yaml")));
        Assert.Contains("is before the end of the history it runs on (2018-12)", early.Message, StringComparison.Ordinal);
        Assert.EndsWith("short-root.yaml", early.File, StringComparison.Ordinal);
    }

    // A scenario (child.yaml) whose base is base.yaml beside it, read as the child.
    internal static Paz.Simulation.Agents.AgentScenario ReadChildOf(string baseYaml, string childYaml)
    {
        var folder = Directory.CreateTempSubdirectory("paz-base-").FullName;
        File.WriteAllText(Path.Combine(folder, "base.yaml"), baseYaml);
        File.WriteAllText(Path.Combine(folder, "child.yaml"), childYaml);
        return Scenarios.AgentScenarioReader.Read(Path.Combine(folder, "child.yaml"));
    }
}

public class TimelineInputTests
{
    private static string Write(string text)
    {
        var folder = Directory.CreateTempSubdirectory("paz-timeline-").FullName;
        var path = Path.Combine(folder, "s.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private const string Head = "name: s\nengine: agent\nstart: 2015-01\nend: 2024-12\nreplicates: 2\nseed: 1\n";

    private static Settings At(AgentScenario scenario, int year, int month) => scenario.Timeline.At(new DateOnly(year, month, 1)).Settings;

    [Fact]
    public void ATimelineEntryChangesTheLeversFromItsMonthAndKeepsTheRest()
    {
        var scenario = AgentScenarioReader.Read(Write(Head + "policy:\n  leader_removals_per_week: 0.5\ntimeline:\n  - from: 2018-12\n    targeting: [most_violent_first, middle_layer_sweep]\n    priority: [CJNG]\n    anti_corruption: 0.7\n"));
        var before = scenario.Timeline.At(new DateOnly(2018, 11, 30)).Settings;
        var after = At(scenario, 2018, 12);
        Assert.Equal(TargetingStrategy.HighValue, before.Choice<TargetingStrategy>(Targeting.Strategy));
        Assert.Equal(TargetingStrategy.MostViolentFirst | TargetingStrategy.MiddleLayerSweep, after.Choice<TargetingStrategy>(Targeting.Strategy));
        Assert.Equal(["CJNG"], after.Names(Targeting.Priority));
        Assert.Equal(0.7, after[ReformLevers.AntiCorruption]);
        Assert.Equal(0.5, after[Targeting.LeaderRemovalsPerWeek]); // kept from the earlier period
    }

    [Fact]
    public void EntriesOnThreeDatesEachStartFromTheOneBefore()
    {
        var scenario = AgentScenarioReader.Read(Write(Head.Replace("start: 2015-01", "start: 2006-12", StringComparison.Ordinal) + "timeline:\n  - from: 2007-01\n    anti_corruption: 0.2\n  - from: 2013-01\n    guard_personnel_full: 1000\n  - from: 2018-12\n    anti_corruption: 0.6\n"));
        Assert.Equal(4, scenario.Timeline.Periods.Count);
        Assert.Equal((0.0, 0), (At(scenario, 2006, 12)[ReformLevers.AntiCorruption], At(scenario, 2006, 12).Whole(ForceLevers.GuardPersonnelFull)));
        Assert.Equal((0.2, 0), (At(scenario, 2012, 12)[ReformLevers.AntiCorruption], At(scenario, 2012, 12).Whole(ForceLevers.GuardPersonnelFull)));
        Assert.Equal((0.2, 1000), (At(scenario, 2013, 1)[ReformLevers.AntiCorruption], At(scenario, 2013, 1).Whole(ForceLevers.GuardPersonnelFull)));
        Assert.Equal((0.6, 1000), (At(scenario, 2019, 1)[ReformLevers.AntiCorruption], At(scenario, 2019, 1).Whole(ForceLevers.GuardPersonnelFull)));
    }

    [Fact]
    public void AChildStartingLaterStartsFromItsBasesPolicyAsItStoodThenUnderItsOwnPolicy()
    {
        var child = ScenarioBaseTests.ReadChildOf(
            Head + "policy:\n  leader_removals_per_week: 0.09\ntimeline:\n  - from: 2015-05\n    leader_removals_per_week: 0.04\n    anti_corruption: 0.1\n  - from: 2016-12\n    leader_removals_per_week: 0.02\n  - from: 2020-01\n    anti_corruption: 0.5\n",
            "name: child\nbase: base.yaml\nstart: 2018-01\nend: 2018-12\npolicy:\n  anti_corruption: 0.3\n");
        Assert.Single(child.Timeline.Periods); // the base's later entry lies after the child's end
        Assert.Equal(0.02, At(child, 2018, 1)[Targeting.LeaderRemovalsPerWeek]); // the base's pace of 2018
        Assert.Equal(0.3, At(child, 2018, 1)[ReformLevers.AntiCorruption]); // the child's own policy over the base's entries
    }

    [Fact]
    public void AChildsEntryOnItsBasesDateChangesOnlyWhatItLists()
    {
        var child = ScenarioBaseTests.ReadChildOf(
            Head + "timeline:\n  - from: 2018-12\n    anti_corruption: 0.5\n    justice_capacity: 2\n",
            "name: child\nbase: base.yaml\ntimeline:\n  - from: 2018-12\n    anti_corruption: 0.9\n  - from: 2021-01\n    justice_capacity: 3\n");
        Assert.Equal((0.9, 2.0), (At(child, 2019, 1)[ReformLevers.AntiCorruption], At(child, 2019, 1)[Paz.Simulation.Mechanisms.Justice.JusticeCapacity]));
        Assert.Equal((0.9, 3.0), (At(child, 2021, 1)[ReformLevers.AntiCorruption], At(child, 2021, 1)[Paz.Simulation.Mechanisms.Justice.JusticeCapacity]));
    }

    [Fact]
    public void TheGuardsPersonnelAndPostureAreRead()
    {
        var scenario = AgentScenarioReader.Read(Write(Head + "timeline:\n  - from: 2018-12\n    guard_personnel_start: 50000\n    guard_personnel_full: 150000\n    guard_posture: proactive\n    guard_places: 266\n"));
        var after = At(scenario, 2019, 1);
        Assert.Equal((50000, 150000, GuardPosture.Proactive, 266), (after.Whole(ForceLevers.GuardPersonnelStart), after.Whole(ForceLevers.GuardPersonnelFull), after.Choice<GuardPosture>(ForceLevers.Posture), after.Whole(ForceLevers.GuardPlaces)));
        Assert.Equal(0, scenario.Settings.Whole(ForceLevers.GuardPersonnelFull));
    }

    [Fact]
    public void ThePullbackTheGuardByPlanAndJusticeAreRead()
    {
        var scenario = AgentScenarioReader.Read(Write(Head + "timeline:\n  - from: 2018-12\n    guard_plan: true\n    justice_capacity: 2\n    military_personnel: 40000\n    pullback: transition\n    pullback_from: 2019-06\n"));
        var after = At(scenario, 2019, 1);
        Assert.True(after.Flag(ForceLevers.GuardPlan));
        Assert.Equal((2.0, 40000), (after[Paz.Simulation.Mechanisms.Justice.JusticeCapacity], after.Whole(ForceLevers.MilitaryPersonnel)));
        Assert.Equal((PullbackPlan.Transition, new DateOnly(2019, 6, 1), 24), (after.Choice<PullbackPlan>(ForceLevers.Pullback), after.Month(ForceLevers.PullbackFrom), after.Whole(ForceLevers.PullbackMonths)));
        Assert.Null(scenario.Timeline.Periods[^1].Forces); // regions and exits come from the data, before the run
        Assert.Equal(PullbackPlan.None, scenario.Settings.Choice<PullbackPlan>(ForceLevers.Pullback));
    }

    [Theory]
    [InlineData("timeline:\n  - from: 2018-12\n    pullback: overnight\n", 9, "'pullback': expected one of none, schedule, transition, found 'overnight'")]
    [InlineData("timeline:\n  - from: 2018-12\n    pullback: schedule\n    pullback_from: June\n", 10, "'pullback_from': expected a month as YYYY-MM")]
    [InlineData("timeline:\n  - from: 2018-12\n    pullback_months: 0\n", 9, "'pullback_months': expected a whole number from 1 to 240")]
    [InlineData("timeline:\n  - from: 2018-12\n    speed: fast\n", 9, "unknown key 'speed'")]
    [InlineData("timeline:\n  - from: 2018-12\n    guard_posture_high: proactive\n", 1, "'guard_posture_high' (set at")]
    [InlineData("timeline:\n  - from: 2018-12\n    guard_plan: true\n    guard_posture_high: raid\n", 10, "'guard_posture_high': expected one of as_guard_posture, patrol, proactive, garrison, found 'raid'")]
    [InlineData("timeline:\n  - from: 2018-12\n    justice_capacity: 50\n", 9, "'justice_capacity': expected a number from 0.2 to 10")]
    [InlineData("timeline:\n  - from: 2018-12\n    guard_plan: maybe\n", 9, "'guard_plan'")]
    [InlineData("timeline:\n  - from: 2018-12\n    targeting: [carpet_bombing]\n", 9, "'targeting': expected a list of none, high_value, middle_layer_sweep, most_violent_first, found 'carpet_bombing'")]
    [InlineData("timeline:\n  - from: 2014-12\n    anti_corruption: 0.5\n", 8, "'from': expected a month after 'start' (2015-01)")]
    [InlineData("timeline:\n  - from: 2018-12\n", 8, "changes nothing")]
    [InlineData("timeline:\n  - anti_corruption: 0.5\n", 8, "a timeline entry needs 'from: YYYY-MM'")]
    [InlineData("timeline:\n  - from: 2019-12\n    anti_corruption: 0.5\n  - from: 2018-12\n    anti_corruption: 0.7\n", 10, "timeline entries must be in date order, one per month")]
    [InlineData("timeline:\n  - from: 2018-12\n    anti_corruption: 0.5\n  - from: 2018-12\n    anti_corruption: 0.7\n", 10, "timeline entries must be in date order, one per month")]
    [InlineData("timeline:\n  - from: 2018-12\n    conflict_intensity: 0.001\n", 8, "'conflict_intensity' is a model parameter that cannot change on a date")]
    [InlineData("timeline:\n  from: 2018-12\n", 8, "expected a list")]
    [InlineData("timeline:\n  - from: 2018-12\n    anti_corruption: 2\n", 9, "'anti_corruption': expected a number from 0 to 1")]
    [InlineData("timeline:\n  - from: 2018-12\n    guard_posture: checkpoint\n", 9, "'guard_posture': expected one of patrol, proactive, garrison, found 'checkpoint'")]
    [InlineData("timeline:\n  - from: 2018-12\n    guard_personnel_full: lots\n", 9, "'guard_personnel_full': expected a whole number from 0 to 1000000")]
    [InlineData("switch:\n  from: 2018-12\n", 7, "unknown key 'switch'")]
    public void AMalformedTimelineEntryIsRefusedWithItsLine(string tail, int line, string expectation)
    {
        var error = Assert.Throws<DataFormatException>(() => AgentScenarioReader.Read(Write(Head + tail)));
        Assert.Equal(line, error.Line);
        Assert.Contains(expectation, error.Message, StringComparison.Ordinal);
    }
}
