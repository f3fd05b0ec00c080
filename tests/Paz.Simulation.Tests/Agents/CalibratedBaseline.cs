using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The shipped data and the calibrated baseline scenario, loaded once for every test that runs them.</summary>
internal static class CalibratedBaseline
{
    private static readonly Lazy<(CriminalMarketEngine Engine, AgentScenario Scenario)> Loaded = new(() =>
    {
        var scenario = AgentScenarioReader.Read(Path.Combine(Folder, "baseline.yaml"));
        return (new CriminalMarketEngine(EngineInputsBuilder.Build(PazDataSet.Load(DataDirectory.Locate()), scenario.Start)), scenario);
    });

    /// <summary>The shipped scenarios' folder.</summary>
    public static string Folder => Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios");

    /// <summary>The engine on the real atlas, starting when the baseline starts.</summary>
    public static CriminalMarketEngine Engine => Loaded.Value.Engine;

    /// <summary>scenarios/baseline.yaml.</summary>
    public static AgentScenario Scenario => Loaded.Value.Scenario;
}
