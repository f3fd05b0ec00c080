using Paz.Planning.Forces;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Data.Scenarios;

/// <summary>
/// What a scenario needs from the data before it runs: its priority groups checked against the network
/// (a name the network does not hold is refused with the file and line that set it), and its plan-based
/// deployments and pullbacks resolved (<see cref="ForcePlans"/>).
/// </summary>
public static class ScenarioResolver
{
    /// <summary>The scenario, checked and resolved against <paramref name="data"/>.</summary>
    /// <exception cref="DataFormatException">A priority group is not in the network.</exception>
    public static AgentScenario Resolve(AgentScenario scenario, PazDataSet data, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inputs);
        CheckPriorities(scenario, inputs);
        return ForcePlans.Resolve(scenario, data.Atlas, data.Homicides.MunicipalMonthly, inputs, data.Police);
    }

    /// <summary>Refuses priority groups the network does not hold.</summary>
    public static void CheckPriorities(AgentScenario scenario, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(inputs);
        var periods = scenario.Timeline.Periods;
        for (var k = 0; k < periods.Count; k++)
        {
            foreach (var name in periods[k].Settings.Names(Targeting.Priority))
            {
                if (inputs.Network.IndexOf(name) < 0)
                {
                    var where = scenario.Sources.TryGetValue((k, Targeting.Priority.Name), out var source) ? source : new SourceLine(scenario.Name, 1);
                    throw new DataFormatException(where.File, where.Line, $"'priority': no group '{name}' in the network (use a group's name or the abbreviation in parentheses, e.g. CJNG)");
                }
            }
        }
    }
}
