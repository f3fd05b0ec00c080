using Paz.Planning.Forces;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Data.Scenarios;

/// <summary>
/// What a scenario needs from the data before it runs: its priority groups checked against the network
/// and its state lists checked against the atlas (a name the network or the atlas does not hold is refused with
/// the file and line that set it), and its plan-based
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
        CheckStateNames(scenario, inputs);
        CheckBreakaways(scenario, inputs);
        CheckWars(scenario, inputs);
        CheckPresence(scenario, inputs);
        return WithAmnestyRules(ForcePlans.Resolve(scenario, data.Atlas, data.Homicides.MunicipalMonthly, inputs, data.Police), null);
    }

    /// <summary>
    /// The scenario with each period's <c>amnesty_rules</c> read from the rule folder (<paramref name="rulesFolder"/>, or the
    /// nearest rules/amnesty): the same files the tribunal's registry screens with. Unchanged when no period names one.
    /// </summary>
    /// <exception cref="DataFormatException">A period names more than one rule set, or one the folder does not hold.</exception>
    public static AgentScenario WithAmnestyRules(AgentScenario scenario, string? rulesFolder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var periods = scenario.Timeline.Periods;
        if (periods.All(p => p.Settings.Names(Amnesty.Rules).Count == 0))
        {
            return scenario;
        }

        var library = Paz.Rules.Amnesty.RuleLibrary.LoadAll(Paz.Rules.Amnesty.RuleLibrary.Locate(rulesFolder)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var resolved = periods.Select((period, k) =>
        {
            var names = period.Settings.Names(Amnesty.Rules);
            var where = scenario.Sources.TryGetValue((k, Amnesty.Rules.Name), out var source) ? source : new SourceLine(scenario.Name, 1);
            return names.Count switch
            {
                0 => period,
                1 when library.TryGetValue(names[0], out var rules) => period with { AmnestyRules = rules },
                1 => throw new DataFormatException(where.File, where.Line, $"'amnesty_rules': no rule set '{names[0]}' in rules/amnesty; expected one of {string.Join(", ", library.Keys)}"),
                _ => throw new DataFormatException(where.File, where.Line, $"'amnesty_rules': name one rule set, not {names.Count}"),
            };
        }).ToList();
        return scenario with { Timeline = new Timeline(resolved) };
    }

    /// <summary>The levers that name states (joint operations, prosecutorial capacity).</summary>
    public static IReadOnlyList<Core.Parameters.ParameterSpec> StateLists { get; } = [ForceLevers.OperationStates, Simulation.Mechanisms.Justice.JusticeStates];

    /// <summary>Refuses state names the atlas does not hold in any lever that names states.</summary>
    /// <exception cref="DataFormatException">A state is not in the atlas (file and line of the lever).</exception>
    public static void CheckStateNames(AgentScenario scenario, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(inputs);
        var known = inputs.StateNames ?? [];
        RefuseNames(scenario, StateLists, name => known.Contains(name, StringComparer.Ordinal),
            (lever, name) => $"'{lever.Name}': no state '{name}' in the atlas; expected names as the atlas spells them, e.g. {string.Join(", ", known.Take(3))}");
    }

    /// <summary>Refuses breakaways the inputs hold no record of after the run's start.</summary>
    /// <exception cref="DataFormatException">A named organization has no recorded breakaway after the start (file and line of the lever).</exception>
    public static void CheckBreakaways(AgentScenario scenario, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(inputs);
        var known = inputs.Breakaways.Select(b => $"{inputs.Network.Groups[b.Group].Name} ({b.Year})").ToList();
        RefuseNames(scenario, [Simulation.Mechanisms.Breakaways.Recorded], name => inputs.Breakaways.Any(b => b.Group == inputs.Network.IndexOf(name)),
            (_, name) => $"'breakaways': '{name}' has no recorded breakaway after the run's start; expected one of: {(known.Count == 0 ? "none (the record's breakaways are 2008-2011; start the run before them)" : string.Join(", ", known))}");
    }

    /// <summary>Refuses a <c>wars_of</c> year the record holds no wars for.</summary>
    /// <exception cref="DataFormatException">The year is outside the record (file and line of the lever).</exception>
    public static void CheckWars(AgentScenario scenario, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(inputs);
        CheckRecordYear(scenario, Simulation.Mechanisms.RecordedWars.WarsOf, [.. inputs.RecordedWars.Select(w => w.Year).Distinct().Order()], "wars");
    }

    /// <summary>Refuses a <c>presence_of</c> year the record of where organizations were does not cover (2016, or any year in a run from 2015 on).</summary>
    /// <exception cref="DataFormatException">The year is outside the record (file and line of the lever).</exception>
    public static void CheckPresence(AgentScenario scenario, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(inputs);
        CheckRecordYear(scenario, Simulation.Mechanisms.RecordedFootholds.PresenceOf, [.. inputs.RecordedPresence.Keys.Order()], "presence of organizations");
    }

    // The years a record holds, as a range when it has no gap.
    private static string Years(IReadOnlyList<int> years) =>
        years.Count == 0 ? "the record (none loaded for this run's start)"
        : years[^1] - years[0] == years.Count - 1 ? $"{years[0]}-{years[^1]}"
        : string.Join(", ", years);

    // A year lever of a record must name 0 (none) or a year the record holds.
    private static void CheckRecordYear(AgentScenario scenario, Core.Parameters.ParameterSpec lever, IReadOnlyList<int> years, string what)
    {
        var periods = scenario.Timeline.Periods;
        for (var k = 0; k < periods.Count; k++)
        {
            var year = (int)periods[k].Settings[lever];
            if (year != 0 && !years.Contains(year))
            {
                var where = scenario.Sources.TryGetValue((k, lever.Name), out var source) ? source : new SourceLine(scenario.Name, 1);
                throw new DataFormatException(where.File, where.Line, $"'{lever.Name}': the record holds no {what} for {year}; expected 0 (none) or a year of {Years(years)}");
            }
        }
    }

    /// <summary>Refuses priority groups the network does not hold.</summary>
    public static void CheckPriorities(AgentScenario scenario, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(inputs);
        RefuseNames(scenario, [Targeting.Priority], name => inputs.Network.IndexOf(name) >= 0,
            (_, name) => $"'priority': no group '{name}' in the network (use a group's name or the abbreviation in parentheses, e.g. CJNG)");
    }

    // The first name of `levers` in the scenario's periods (in date order, then in the levers' order) that `known`
    // refuses, thrown at the file and line that set it.
    private static void RefuseNames(AgentScenario scenario, IReadOnlyList<Core.Parameters.ParameterSpec> levers, Func<string, bool> known, Func<Core.Parameters.ParameterSpec, string, string> message)
    {
        var periods = scenario.Timeline.Periods;
        for (var k = 0; k < periods.Count; k++)
        {
            foreach (var lever in levers)
            {
                foreach (var name in periods[k].Settings.Names(lever).Where(n => !known(n)))
                {
                    var where = scenario.Sources.TryGetValue((k, lever.Name), out var source) ? source : new SourceLine(scenario.Name, 1);
                    throw new DataFormatException(where.File, where.Line, message(lever, name));
                }
            }
        }
    }
}
