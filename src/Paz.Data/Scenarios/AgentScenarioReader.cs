using System.Globalization;
using Paz.Simulation.Agents;

namespace Paz.Data.Scenarios;

/// <summary>Reads scenario files for the agent-based engine (<c>engine: agent</c>), strictly: unknown keys, wrong types and out-of-range values stop with file and line.</summary>
public static class AgentScenarioReader
{
    private static readonly string[] TopKeys = ["name", "description", "base", "engine", "start", "end", "replicates", "seed", "parameters", "policy", "switch", "calibration"];
    private static readonly string[] PolicyKeys =
        ["leader_removals_per_week", "enforcement_focus", "targeting", "priority", "only_priority", "sweep_share", "intelligence_weeks", "anti_corruption", "reform_weeks",
         "guard_personnel_start", "guard_personnel_full", "guard_ramp_weeks", "guard_posture", "guard_places", "guard_plan", "guard_posture_by_class",
         "military_personnel", "military_places", "pullback", "justice_capacity"];
    private static readonly string[] PullbackKeys = ["plan", "from", "months"];
    private static readonly string[] SwitchKeys = ["from", "policy"];
    private static readonly Dictionary<string, Targeting> TargetingWords = new(StringComparer.Ordinal)
    {
        ["none"] = Targeting.None,
        ["high_value"] = Targeting.HighValue,
        ["middle_layer_sweep"] = Targeting.MiddleLayerSweep,
        ["most_violent_first"] = Targeting.MostViolentFirst,
    };

    /// <summary>Keys of the calibration block that <c>paz calibrate</c> writes.</summary>
    public static readonly IReadOnlyList<string> CalibrationKeys = ["objective", "evaluations", "replicates", "seed", "error_2015", "error_2016", "error_2017", "error_2018"];

    /// <summary>Reads and validates a scenario file.</summary>
    /// <exception cref="DataFormatException">The file is not a valid agent scenario; the message names file and line.</exception>
    public static AgentScenario Read(string path) => Read(path, depth: 0);

    private static AgentScenario Read(string path, int depth)
    {
        var yaml = YamlMap.Load(path, TopKeys);

        // A scenario may build on another ("base: baseline.yaml", relative to its own folder): it starts
        // from the base's period, ensemble, seed, parameters and policy, and changes only what it lists.
        AgentScenario? parent = null;
        if (yaml.OptionalText("base") is { } basePath)
        {
            var full = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, basePath);
            if (depth > 8 || !File.Exists(full))
            {
                throw yaml.ErrorAt("base", depth > 8 ? "'base': scenarios build on each other in a loop" : $"'base': expected an existing scenario file, found '{basePath}' ({full})");
            }

            parent = Read(full, depth + 1);
        }

        var engine = yaml.OptionalText("engine") ?? (parent is null ? yaml.Text("engine") : "agent");
        if (engine != "agent")
        {
            throw yaml.ErrorAt("engine", $"'engine': expected 'agent' or 'aggregate', found '{engine}'");
        }

        var start = Month(yaml, "start", parent?.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "2015-01");
        var end = Month(yaml, "end", parent?.End.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "2020-12");
        if (end < start)
        {
            throw yaml.ErrorAt("end", $"'end' ({end:yyyy-MM}) must not be before 'start' ({start:yyyy-MM})");
        }

        var parameters = parent?.Parameters ?? new EngineParameters();
        if (yaml.Map("parameters", EngineParameters.Specs.Select(s => s.Name)) is { } overrides)
        {
            foreach (var spec in EngineParameters.Specs.Where(s => overrides.Has(s.Name)))
            {
                parameters = parameters.With(spec.Name, overrides.Number(spec.Name, spec.Minimum, spec.Maximum));
            }
        }

        var policy = parent?.Policy ?? Policy.PenaNieto(parameters);
        if (yaml.Map("policy", PolicyKeys) is { } p)
        {
            policy = ReadPolicy(p, policy with { Then = null }) with { Then = policy.Then };
        }

        // A change of policy on a date ("switch: {from: 2018-12, policy: {...}}"): the later policy starts
        // from the earlier one and changes only what it lists.
        if (yaml.Map("switch", SwitchKeys) is { } change)
        {
            var switchMonth = Month(change, "from", string.Empty);
            if (switchMonth <= start || switchMonth > end)
            {
                throw change.ErrorAt("from", $"'from': expected a month after 'start' ({start:yyyy-MM}) and not after 'end' ({end:yyyy-MM}), found {switchMonth:yyyy-MM}");
            }

            var later = change.Map("policy", PolicyKeys) ?? throw change.ErrorAt("policy", "'switch' needs a 'policy' block with the settings that change");
            policy = policy with { Then = new PolicySwitch(switchMonth, ReadPolicy(later, policy with { Then = null })) };
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
            (int)yaml.WholeNumber("replicates", 1, 10_000, parent?.Replicates),
            (ulong)yaml.WholeNumber("seed", 0, long.MaxValue, parent is null ? null : (long)parent.Seed),
            parameters,
            policy,
            calibration ?? parent?.Calibration);
    }

    /// <summary>The engine a scenario file names (its <c>engine</c> key, or its base's), read leniently for dispatch.</summary>
    public static string EngineOf(string path) => EngineOf(path, 0);

    private static string EngineOf(string path, int depth)
    {
        string? basePath = null;
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("engine:", StringComparison.Ordinal))
            {
                return trimmed["engine:".Length..].Split('#')[0].Trim();
            }

            if (trimmed.StartsWith("base:", StringComparison.Ordinal))
            {
                basePath = trimmed["base:".Length..].Split('#')[0].Trim();
            }
        }

        var full = basePath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, basePath);
        return full is not null && depth < 8 && File.Exists(full) ? EngineOf(full, depth + 1) : string.Empty;
    }

    private static Policy ReadPolicy(YamlMap p, Policy earlier)
    {
        var policy = earlier with
        {
            LeaderRemovalsPerWeek = p.Number("leader_removals_per_week", 0, 5, earlier.LeaderRemovalsPerWeek),
            EnforcementFocus = p.Number("enforcement_focus", 0, 3, earlier.EnforcementFocus),
            OnlyPriority = p.Flag("only_priority", earlier.OnlyPriority),
            SweepShare = p.Number("sweep_share", 0, 1, earlier.SweepShare),
            IntelligenceWeeks = (int)p.WholeNumber("intelligence_weeks", 1, 520, earlier.IntelligenceWeeks),
            AntiCorruption = p.Number("anti_corruption", 0, 1, earlier.AntiCorruption),
            ReformWeeks = (int)p.WholeNumber("reform_weeks", 1, 1040, earlier.ReformWeeks),
            GuardPersonnelStart = (int)p.WholeNumber("guard_personnel_start", 0, 1_000_000, earlier.GuardPersonnelStart),
            GuardPersonnelFull = (int)p.WholeNumber("guard_personnel_full", 0, 1_000_000, earlier.GuardPersonnelFull),
            GuardRampWeeks = (int)p.WholeNumber("guard_ramp_weeks", 1, 1040, earlier.GuardRampWeeks),
            GuardPlaces = (int)p.WholeNumber("guard_places", 1, 2469, earlier.GuardPlaces),
            GuardFromPlan = p.Flag("guard_plan", earlier.GuardFromPlan),
            MilitaryPersonnel = (int)p.WholeNumber("military_personnel", 0, 1_000_000, earlier.MilitaryPersonnel),
            MilitaryPlaces = (int)p.WholeNumber("military_places", 1, 2469, earlier.MilitaryPlaces),
            JusticeCapacity = p.Number("justice_capacity", 0.2, 10, earlier.JusticeCapacity),
        };
        if (p.Map("pullback", PullbackKeys) is { } pullback)
        {
            var kind = pullback.Text("plan") switch
            {
                "schedule" => PullbackPlan.Schedule,
                "transition" => PullbackPlan.Transition,
                var other => throw pullback.ErrorAt("plan", $"'plan': expected schedule (regions leave one after another) or transition (the concentric-circles plan of paz plan transition), found '{other}'"),
            };
            policy = policy with { Pullback = new MilitaryPullback(kind, Month(pullback, "from", string.Empty), (int)pullback.WholeNumber("months", 1, 240, 24)) };
        }

        if (p.Has("guard_posture"))
        {
            policy = policy with { GuardPosture = Posture(p, "guard_posture") };
        }

        if (p.Map("guard_posture_by_class", ["low", "medium", "high"]) is { } byClass)
        {
            policy = policy with
            {
                GuardPostureByClass = byClass.Keys.ToDictionary(k => k, k => Posture(byClass, k)),
            };
            if (!policy.GuardFromPlan)
            {
                throw p.ErrorAt("guard_posture_by_class", "'guard_posture_by_class' needs 'guard_plan: true' (the classes are the plan's regions')");
            }
        }

        if (p.Has("targeting"))
        {
            var targeting = Targeting.None;
            foreach (var node in p.List("targeting"))
            {
                var word = (node as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? string.Empty;
                targeting |= TargetingWords.TryGetValue(word, out var t)
                    ? t
                    : throw YamlMap.ErrorIn(p.File, node, $"'targeting': expected a list of {string.Join(", ", TargetingWords.Keys)}, found '{word}'");
            }

            policy = policy with { Targeting = targeting };
        }

        if (p.Has("priority"))
        {
            policy = policy with
            {
                Priority = [.. p.List("priority").Select(n => (n as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value is { Length: > 0 } name
                    ? name
                    : throw YamlMap.ErrorIn(p.File, n, "'priority': expected a list of group names (or abbreviations such as CJNG)"))],
            };
        }

        return policy;
    }

    private static GuardPosture Posture(YamlMap map, string key) => map.Text(key) switch
    {
        "patrol" => GuardPosture.Patrol,
        "proactive" => GuardPosture.Proactive,
        "garrison" => GuardPosture.Garrison,
        var other => throw map.ErrorAt(key, $"'{key}': expected patrol, proactive or garrison, found '{other}'"),
    };

    private static DateOnly Month(YamlMap yaml, string key, string fallback)
    {
        var text = yaml.OptionalText(key) ?? fallback;
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : throw yaml.ErrorAt(key, $"'{key}': expected a month as YYYY-MM between 2000 and 2100, found '{text}'");
    }
}
