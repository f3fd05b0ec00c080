using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The shipped data and the calibrated baseline scenario, loaded once for every test that runs them.</summary>
internal static class CalibratedBaseline
{
    private static readonly Lazy<(CriminalMarketEngine Engine, AgentScenario Scenario, PazDataSet Data)> Loaded = new(() =>
    {
        var scenario = AgentScenarioReader.Read(Path.Combine(Folder, "baseline.yaml"));
        var data = PazDataSet.Load(DataDirectory.Locate());
        return (new CriminalMarketEngine(EngineInputsBuilder.Build(data, scenario.Start)), scenario, data);
    });

    /// <summary>The shipped scenarios' folder.</summary>
    public static string Folder => Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios");

    /// <summary>The engine on the real atlas, starting when the baseline starts.</summary>
    public static CriminalMarketEngine Engine => Loaded.Value.Engine;

    /// <summary>The shipped data.</summary>
    public static PazDataSet Data => Loaded.Value.Data;

    /// <summary>scenarios/baseline.yaml.</summary>
    public static AgentScenario Scenario => Loaded.Value.Scenario;

    /// <summary>The baseline switching in December 2018 (the plan's start) to its own settings changed by <paramref name="change"/>, with plans resolved from the data.</summary>
    public static AgentScenario SwitchingTo(Func<Settings, Settings> change) =>
        Resolve(Scenario with { Timeline = Scenario.Timeline.Then(new DateOnly(2018, 12, 1), change) });

    /// <summary>A scenario with its plans (Guard by plan, pullback) resolved from the shipped data.</summary>
    public static AgentScenario Resolve(AgentScenario scenario) => ScenarioResolver.Resolve(scenario, Loaded.Value.Data, Engine.Inputs);

    /// <summary>Weeks from the baseline's start through the end of <paramref name="year"/>.</summary>
    public static int WeeksThrough(int year) => ((new DateOnly(year, 12, 31).DayNumber - Scenario.Start.DayNumber) / 7) + 1;

    /// <summary>National homicides from <paramref name="first"/> through <paramref name="last"/> in one run of <paramref name="scenario"/> from the baseline's start.</summary>
    public static double Homicides(AgentScenario scenario, ulong seed, int first, int last)
    {
        var run = Engine.Run(scenario.Timeline, WeeksThrough(last), seed);
        return Enumerable.Range(first, last - first + 1).Sum(run.Homicides);
    }
}
