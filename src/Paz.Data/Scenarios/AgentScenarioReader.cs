using System.Globalization;
using Paz.Simulation.Agents;

namespace Paz.Data.Scenarios;

/// <summary>Reads scenario files for the agent-based engine (<c>engine: agent</c>), strictly: unknown keys, wrong types and out-of-range values stop with file and line.</summary>
public static class AgentScenarioReader
{
    private static readonly string[] TopKeys = ["name", "description", "engine", "start", "end", "replicates", "seed", "parameters", "policy", "calibration"];
    private static readonly string[] PolicyKeys = ["leader_removals_per_week", "enforcement_focus"];

    /// <summary>Keys of the calibration block that <c>paz calibrate</c> writes.</summary>
    public static readonly IReadOnlyList<string> CalibrationKeys = ["objective", "evaluations", "replicates", "seed", "error_2015", "error_2016", "error_2017", "error_2018"];

    /// <summary>Reads and validates a scenario file.</summary>
    /// <exception cref="DataFormatException">The file is not a valid agent scenario; the message names file and line.</exception>
    public static AgentScenario Read(string path)
    {
        var yaml = YamlMap.Load(path, TopKeys);
        var engine = yaml.Text("engine");
        if (engine != "agent")
        {
            throw yaml.ErrorAt("engine", $"'engine': expected 'agent' for `paz run` (the aggregate model uses `paz peer prieto-curiel --scenario`), found '{engine}'");
        }

        var start = Month(yaml, "start", "2015-01");
        var end = Month(yaml, "end", "2020-12");
        if (end < start)
        {
            throw yaml.ErrorAt("end", $"'end' ({end:yyyy-MM}) must not be before 'start' ({start:yyyy-MM})");
        }

        var parameters = new EngineParameters();
        if (yaml.Map("parameters", EngineParameters.Specs.Select(s => s.Name)) is { } overrides)
        {
            foreach (var spec in EngineParameters.Specs.Where(s => overrides.Has(s.Name)))
            {
                parameters = parameters.With(spec.Name, overrides.Number(spec.Name, spec.Minimum, spec.Maximum));
            }
        }

        var policy = Policy.PenaNieto(parameters);
        if (yaml.Map("policy", PolicyKeys) is { } p)
        {
            policy = new Policy(p.Number("leader_removals_per_week", 0, 5, policy.LeaderRemovalsPerWeek), p.Number("enforcement_focus", 0, 3, policy.EnforcementFocus));
        }

        Dictionary<string, double>? calibration = null;
        if (yaml.Map("calibration", CalibrationKeys) is { } c)
        {
            calibration = CalibrationKeys.Where(c.Has).ToDictionary(k => k, k => c.Number(k, -1e12, 1e12));
        }

        return new AgentScenario(
            yaml.Text("name"),
            yaml.OptionalText("description") ?? string.Empty,
            start,
            end,
            (int)yaml.WholeNumber("replicates", 1, 10_000),
            (ulong)yaml.WholeNumber("seed", 0, long.MaxValue),
            parameters,
            policy,
            calibration);
    }

    /// <summary>The engine a scenario file names (its <c>engine</c> key), read leniently for dispatch.</summary>
    public static string EngineOf(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("engine:", StringComparison.Ordinal))
            {
                return trimmed["engine:".Length..].Split('#')[0].Trim();
            }
        }

        return string.Empty;
    }

    private static DateOnly Month(YamlMap yaml, string key, string fallback)
    {
        var text = yaml.OptionalText(key) ?? fallback;
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : throw yaml.ErrorAt(key, $"'{key}': expected a month as YYYY-MM between 2000 and 2100, found '{text}'");
    }
}
