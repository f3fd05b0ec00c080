using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Data.Tests;

/// <summary><c>paz calibrate</c> writes fitted values into a scenario without losing anything else it says.</summary>
public class ScenarioFileEditorTests
{
    private const string Scenario = """
        # A scenario with overrides the calibration does not fit.
        name: s
        engine: agent
        start: 2015-01
        end: 2020-12
        replicates: 2
        seed: 1
        policy:
          leader_removals_per_week: 0.5
        parameters:
          # listed rivals fight harder here
          rivalry_weight: 0.5
          conflict_intensity: 1e-4 # fitted before
        timeline:
          - from: 2018-12
            anti_corruption: 0.4
        calibration:
          objective: 1
        """;

    private static readonly KeyValuePair<string, string>[] Fit = [new("objective", "0.5"), new("evaluations", "10")];

    private static AgentScenario Read(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("paz-edit-").FullName, "s.yaml");
        File.WriteAllText(path, text);
        return AgentScenarioReader.Read(path);
    }

    private static void AssertSameSettings(AgentScenario expected, AgentScenario actual, params string[] except)
    {
        Assert.Equal(expected.Timeline.Periods.Count, actual.Timeline.Periods.Count);
        for (var k = 0; k < expected.Timeline.Periods.Count; k++)
        {
            foreach (var spec in Declarations.All.Where(s => !except.Contains(s.Name)))
            {
                Assert.True(expected.Timeline.Periods[k].Settings.SameAs(actual.Timeline.Periods[k].Settings, spec), $"period {k}: {spec.Name} changed");
            }
        }
    }

    [Fact]
    public void FittedValuesReplaceTheirLinesAndEveryOtherOverrideStays()
    {
        var before = Read(Scenario);
        var text = ScenarioFileEditor.WithParameters(Scenario.Split('\n'), [new("conflict_intensity", 3e-5), new("expansion", 0.004)], Fit, ["# fitted"]);
        var after = Read(text);

        Assert.Equal(3e-5, after.Settings[Simulation.Mechanisms.TerritorialConflict.ConflictIntensity]);
        Assert.Equal(0.004, after.Settings[Simulation.Mechanisms.Expansion.Chance]);
        Assert.Equal(0.5, after.Settings[Simulation.Mechanisms.TerritorialConflict.RivalryWeight]); // not in the free set: kept
        AssertSameSettings(before, after, "conflict_intensity", "expansion");
        Assert.Equal(0.5, after.Calibration!["objective"]);
        Assert.Contains("# listed rivals fight harder here", text, StringComparison.Ordinal);
        Assert.Contains("conflict_intensity: 3E-05 # fitted before", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RewritingTheShippedBaselineWithItsOwnValuesChangesNothing()
    {
        var path = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var lines = File.ReadAllLines(path);
        var before = AgentScenarioReader.Read(path);
        var values = Calibration.DefaultFree.Select(f => KeyValuePair.Create(f.Name, before.Settings.Get(f.Name))).ToList();
        var text = ScenarioFileEditor.WithParameters(lines, values, [.. before.Calibration!.Select(c => KeyValuePair.Create(c.Key, c.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))], []);
        var after = Read(text);
        AssertSameSettings(before, after);
        Assert.Equal(before.Calibration, after.Calibration);
        Assert.Equal(text, ScenarioFileEditor.WithParameters(text.Split('\n')[..^1], values, [.. before.Calibration!.Select(c => KeyValuePair.Create(c.Key, c.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))], [])); // a fixed point
    }

    [Fact]
    public void AScenarioWithoutParametersGetsTheBlockWithItsHeader()
    {
        var bare = "name: s\nengine: agent\nreplicates: 2\nseed: 1\n";
        var text = ScenarioFileEditor.WithParameters(bare.Split('\n'), [new("expansion", 0.004)], Fit, ["# fitted by a test"]);
        Assert.Contains("# fitted by a test\nparameters:\n  expansion: 0.004\ncalibration:\n", text, StringComparison.Ordinal);
        Assert.Equal(0.004, Read(text).Settings[Simulation.Mechanisms.Expansion.Chance]);
    }
}

/// <summary>Names a scenario gives that the data do not hold — a priority group, a state — are refused with the file and line that named them.</summary>
public class ScenarioNameCheckTests
{
    [Fact]
    public void AnUnknownPriorityGroupIsRefusedWithItsFileAndLine()
    {
        var (path, error, inputs) = Refused("targeting: [most_violent_first]\n    priority: [CJNG, Los Inexistentes]");
        Assert.Equal(path, error.File);
        Assert.Equal(10, error.Line);
        Assert.Contains("no group 'Los Inexistentes' in the network", error.Message, StringComparison.Ordinal);
        ScenarioResolver.CheckPriorities(AgentScenarioReader.Read(Write(Path.GetDirectoryName(path)!, "priority: [CJNG]")), inputs); // an abbreviation the network holds passes
    }

    [Fact]
    public void AnUnknownStateInJusticeStatesIsRefusedWithItsFileAndLine()
    {
        var (path, error, inputs) = Refused("justice_capacity: 2\n    justice_states: [Sinaloa, Sinaloaa]");
        Assert.Equal(path, error.File);
        Assert.Equal(10, error.Line);
        Assert.Contains("'justice_states': no state 'Sinaloaa' in the atlas", error.Message, StringComparison.Ordinal);
        ScenarioResolver.CheckStateNames(AgentScenarioReader.Read(Write(Path.GetDirectoryName(path)!, "justice_states: [Sinaloa, México]")), inputs); // names as the atlas spells them pass
    }

    // A scenario whose 2018-12 timeline entry holds the given lines (the second on line 10), resolved against the shipped data.
    private static (string Path, DataFormatException Error, EngineInputs Inputs) Refused(string entry)
    {
        var path = Write(Directory.CreateTempSubdirectory("paz-names-").FullName, entry);
        var scenario = AgentScenarioReader.Read(path);
        var data = PazDataSet.Load(DataDirectory.Locate());
        var inputs = Engine.EngineInputsBuilder.Build(data, scenario.Start);
        return (path, Assert.Throws<DataFormatException>(() => ScenarioResolver.Resolve(scenario, data, inputs)), inputs);
    }

    private static string Write(string folder, string entry)
    {
        var path = Path.Combine(folder, $"s{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"name: s\nengine: agent\nstart: 2015-01\nend: 2020-12\nreplicates: 2\nseed: 1\ntimeline:\n  - from: 2018-12\n    {entry}\n");
        return path;
    }
}
