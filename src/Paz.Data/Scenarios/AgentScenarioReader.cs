using System.Globalization;
using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using YamlDotNet.RepresentationModel;

namespace Paz.Data.Scenarios;

/// <summary>
/// Reads scenario files for the agent-based engine (<c>engine: agent</c>), strictly: unknown keys, wrong types
/// and out-of-range values stop with file and line. Every key of <c>parameters</c>, <c>policy</c> and
/// <c>timeline</c> entries, its kind and its range come from the engine's declarations (<see cref="Declarations"/>).
/// </summary>
/// <remarks>
/// A scenario is a timeline: <c>parameters</c> (the model, for the whole run), <c>policy</c> (the levers at the
/// start) and <c>timeline</c>, a list of dated entries (<c>from: YYYY-MM</c> and the levers, or switchable
/// parameters, that change then; each entry starts from the settings before it). <c>base: other.yaml</c> starts
/// from another scenario: its period, ensemble, seed and every entry; the file's own parameters and policy are
/// laid over them, and its timeline entries are merged by date (an entry on a date the base has changes only
/// what it lists). A file that starts later than its base starts from the base's policy as it stood then (the
/// base's entries up to the start fold into the starting policy); the base's entries after the file's end are
/// never reached.
/// <para><c>on: other.yaml</c> (with <c>base</c>) runs the file and the bases it builds on over another history: the
/// root of the base chain (the base with no base of its own, e.g. the 2015 baseline) is replaced by <c>other.yaml</c>
/// continued to the root's end, and the files between lay their own parameters, policy and timeline over it. The
/// root's start, world, fitted parameters and policy are dropped; the history's are run in their place. So
/// <c>scenarios/replay/plan-2018.yaml</c> is the plan's own changes from December 2018 on the 2007-2018 replay.</para>
/// </remarks>
public static class AgentScenarioReader
{
    private static readonly string[] TopKeys = ["name", "description", "base", "on", "engine", "start", "end", "replicates", "seed", "parameters", "policy", "timeline", "calibration", "fit"];

    /// <summary>Keys of the calibration block that <c>paz calibrate</c> writes.</summary>
    public static readonly IReadOnlyList<string> CalibrationKeys =
        ["objective", "evaluations", "replicates", "seed", .. Enumerable.Range(2000, 19).Select(y => $"error_{y}")];

    /// <summary>Reads and validates a scenario file.</summary>
    /// <exception cref="DataFormatException">The file is not a valid agent scenario; the message names file and line.</exception>
    public static AgentScenario Read(string path)
    {
        var draft = ReadDraft(path, depth: 0, on: null);
        var periods = new List<PolicyPeriod>();
        var sources = new Dictionary<(int Period, string Key), SourceLine>();
        var setAt = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
        var settings = Settings.Defaults;
        foreach (var change in draft.Parameters.Values)
        {
            settings = change.Apply(settings);
            setAt[change.Spec.Name] = change.Source;
        }

        // The entries in date order (a sorted dictionary), each from the settings before it.
        foreach (var (from, entry) in draft.Entries)
        {
            foreach (var change in entry.Values)
            {
                settings = change.Apply(settings);
                setAt[change.Spec.Name] = change.Source;
            }

            foreach (var (key, source) in setAt)
            {
                sources[(periods.Count, key)] = source;
            }

            periods.Add(new PolicyPeriod(from == DateOnly.MinValue ? draft.Start : from, settings));
        }

        return new AgentScenario(draft.Name, draft.Description, draft.Start, draft.End, draft.Replicates, draft.Seed, new Timeline(periods), draft.Calibration)
        {
            Sources = sources,
            Fit = draft.Fit,
            Files = draft.Files,
        };
    }

    // One key's value as read, with where it was read.
    private sealed record Change(ParameterSpec Spec, double Value, IReadOnlyList<string>? Names, SourceLine Source)
    {
        public Settings Apply(Settings settings) => Names is null ? settings.With(Spec, Value) : settings.With(Spec, Names);
    }

    // A scenario before its timeline is built: the start entry is keyed by DateOnly.MinValue.
    private sealed record Draft(
        string Name, string Description, DateOnly Start, DateOnly End, int Replicates, ulong Seed,
        Dictionary<string, Change> Parameters, SortedDictionary<DateOnly, Dictionary<string, Change>> Entries, IReadOnlyDictionary<string, double>? Calibration,
        IReadOnlyList<string> Fit, IReadOnlyList<string> Files);

    // on: the history that replaces the root of the base chain (null: the chain runs as written).
    private static Draft ReadDraft(string path, int depth, string? on)
    {
        var yaml = YamlMap.Load(path, TopKeys);
        if (yaml.OptionalText("on") is { } onPath)
        {
            if (!yaml.Has("base"))
            {
                throw yaml.ErrorAt("on", "'on' replaces the root of the file's base chain: it needs 'base'");
            }

            on ??= ExistingFile(yaml, "on", path, onPath, depth);
        }

        Draft? parent = null;
        if (yaml.OptionalText("base") is { } basePath)
        {
            parent = ReadDraft(ExistingFile(yaml, "base", path, basePath, depth), depth + 1, on);
        }
        else if (on is not null)
        {
            return Rebased(yaml, ReadDraft(on, depth + 1, null));
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

        var parameters = new Dictionary<string, Change>(parent?.Parameters ?? [], StringComparer.Ordinal);
        if (yaml.Map("parameters", Declarations.Parameters.Select(s => s.Name)) is { } p)
        {
            foreach (var key in p.Keys)
            {
                parameters[key] = ReadValue(p, Declarations.Find(key)!);
            }
        }

        var entries = new SortedDictionary<DateOnly, Dictionary<string, Change>>();
        foreach (var (date, entry) in parent?.Entries ?? [])
        {
            entries[date] = new Dictionary<string, Change>(entry, StringComparer.Ordinal);
        }

        entries.TryAdd(DateOnly.MinValue, new Dictionary<string, Change>(StringComparer.Ordinal));

        // A scenario that starts or ends inside its base's timeline runs the base's policy as it stood at its start:
        // the base's entries up to the start fold into the starting policy (in date order, under this file's own
        // policy below), and those after the end are never reached.
        foreach (var date in entries.Keys.Where(d => d != DateOnly.MinValue && (d <= start || d > end)).ToList())
        {
            if (date <= start)
            {
                foreach (var (key, change) in entries[date])
                {
                    entries[DateOnly.MinValue][key] = change;
                }
            }

            entries.Remove(date);
        }

        if (yaml.Map("policy", Declarations.Levers.Select(s => s.Name)) is { } policy)
        {
            foreach (var key in policy.Keys)
            {
                entries[DateOnly.MinValue][key] = ReadValue(policy, Declarations.Find(key)!);
            }
        }

        if (yaml.Has("timeline"))
        {
            ReadTimeline(yaml, start, end, entries);
        }

        Dictionary<string, double>? calibration = null;
        if (yaml.Map("calibration", CalibrationKeys) is { } c)
        {
            calibration = CalibrationKeys.Where(c.Has).ToDictionary(k => k, k => c.Number(k, -1e12, 1e12));
        }

        ParameterSpec[] byClass = [ForceLevers.GuardPostureLow, ForceLevers.GuardPostureMedium, ForceLevers.GuardPostureHigh];
        var guardByClass = entries.Values.SelectMany(e => e.Values).FirstOrDefault(v => byClass.Contains(v.Spec) && v.Value != 0);
        if (guardByClass is not null && !entries.Values.SelectMany(e => e.Values).Any(v => v.Spec == ForceLevers.GuardPlan && v.Value != 0))
        {
            throw new DataFormatException(yaml.File, yaml.Line, $"'{guardByClass.Spec.Name}' (set at {guardByClass.Source}) needs 'guard_plan: true': the classes are the plan's regions'");
        }

        return new Draft(
            yaml.Text("name"),
            yaml.OptionalText("description") ?? string.Empty,
            start,
            end,
            (int)yaml.WholeNumber("replicates", 1, 10_000, parent?.Replicates),
            (ulong)yaml.WholeNumber("seed", 0, long.MaxValue, parent is null ? null : (long)parent.Seed),
            parameters,
            entries,
            calibration ?? parent?.Calibration,
            yaml.Has("fit") ? FitList(yaml) : parent?.Fit ?? [],
            [Path.GetFullPath(path), .. parent?.Files ?? []]);
    }

    private static string ExistingFile(YamlMap yaml, string key, string path, string relative, int depth)
    {
        var full = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, relative);
        return depth > 8 || !File.Exists(full)
            ? throw yaml.ErrorAt(key, depth > 8 ? $"'{key}': scenarios build on each other in a loop" : $"'{key}': expected an existing scenario file, found '{relative}' ({full})")
            : full;
    }

    // The root of a chain run on another history: the history, continued to the root's end under the policy in force
    // at its own end; the root's name, so that the files above it read as they would on the root.
    private static Draft Rebased(YamlMap root, Draft history)
    {
        var end = Month(root, "end", history.End.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (end < history.End)
        {
            throw root.ErrorAt("end", $"'end' ({end:yyyy-MM}) is before the end of the history it runs on ({history.End:yyyy-MM}): a scenario on a history continues it");
        }

        return history with { Name = root.Text("name"), End = end };
    }

    // Parameters fitted besides those declared fitted: model parameters with a prior (the range searched).
    private static List<string> FitList(YamlMap yaml) =>
        [.. yaml.List("fit").Select(n => (n as YamlScalarNode)?.Value is { } name && Declarations.Find(name) is { IsLever: false, Prior: not null }
            ? name
            : throw YamlMap.ErrorIn(yaml.File, n, $"'fit': expected the names of model parameters with a prior (paz params), found '{(n as YamlScalarNode)?.Value}'"))];

    // The timeline: a list of dated entries in date order, each changing levers or switchable parameters.
    private static void ReadTimeline(YamlMap yaml, DateOnly start, DateOnly end, SortedDictionary<DateOnly, Dictionary<string, Change>> entries)
    {
        var switchable = Declarations.All.Where(s => s.Switchable).Select(s => s.Name).Prepend("from").ToList();
        var previous = DateOnly.MinValue;
        foreach (var node in yaml.List("timeline"))
        {
            if (node is not YamlMappingNode)
            {
                throw YamlMap.ErrorIn(yaml.File, node, "'timeline': expected a list of entries, each a map with 'from: YYYY-MM' and the levers that change then");
            }

            var fixedParameter = ((YamlMappingNode)node).Children.Keys.OfType<YamlScalarNode>()
                .Select(k => k.Value ?? string.Empty).FirstOrDefault(k => Declarations.Find(k) is { Switchable: false });
            if (fixedParameter is not null)
            {
                throw YamlMap.ErrorIn(yaml.File, node, $"'{fixedParameter}' is a model parameter that cannot change on a date: set it under 'parameters' (levers and switchable parameters: paz params)");
            }

            var entry = YamlMap.Of(yaml.File, node, switchable, "a timeline entry");
            if (!entry.Has("from"))
            {
                throw YamlMap.ErrorIn(yaml.File, node, "a timeline entry needs 'from: YYYY-MM', the first month it is in force");
            }

            var from = Month(entry, "from", string.Empty);
            if (from <= start || from > end)
            {
                throw entry.ErrorAt("from", $"'from': expected a month after 'start' ({start:yyyy-MM}) and not after 'end' ({end:yyyy-MM}), found {from:yyyy-MM}");
            }

            if (from <= previous)
            {
                throw entry.ErrorAt("from", $"'from': timeline entries must be in date order, one per month: {from:yyyy-MM} comes after {previous:yyyy-MM}");
            }

            previous = from;
            var changes = entries.TryGetValue(from, out var inherited) ? inherited : entries[from] = new Dictionary<string, Change>(StringComparer.Ordinal);
            foreach (var key in entry.Keys.Where(k => k != "from"))
            {
                changes[key] = ReadValue(entry, Declarations.Find(key)!);
            }

            if (changes.Count == 0)
            {
                throw YamlMap.ErrorIn(yaml.File, node, $"the timeline entry from {from:yyyy-MM} changes nothing: list the levers that change then");
            }
        }
    }

    // A value of the kind its declaration says, within its range.
    private static Change ReadValue(YamlMap map, ParameterSpec spec)
    {
        var key = spec.Name;
        var source = new SourceLine(map.File, (int)map.Node(key).Start.Line);
        switch (spec.Kind)
        {
            case ValueKind.Number:
                return new Change(spec, map.Number(key, spec.Minimum, spec.Maximum), null, source);
            case ValueKind.Whole:
                return new Change(spec, map.WholeNumber(key, (long)spec.Minimum, (long)spec.Maximum), null, source);
            case ValueKind.Flag:
                return new Change(spec, map.Flag(key, false) ? 1 : 0, null, source);
            case ValueKind.Choice:
                var word = map.Text(key);
                var index = spec.Words.ToList().IndexOf(word);
                return index >= 0
                    ? new Change(spec, index, null, source)
                    : throw map.ErrorAt(key, $"'{key}': expected one of {string.Join(", ", spec.Words)}, found '{word}'");
            case ValueKind.Choices:
                var mask = 0;
                foreach (var node in map.List(key))
                {
                    var w = (node as YamlScalarNode)?.Value ?? string.Empty;
                    var bit = spec.Words.ToList().IndexOf(w);
                    mask |= w == "none" ? 0 : bit >= 0 ? 1 << bit : throw YamlMap.ErrorIn(map.File, node, $"'{key}': expected a list of none, {string.Join(", ", spec.Words)}, found '{w}'");
                }

                return new Change(spec, mask, null, source);
            case ValueKind.Names:
                return new Change(spec, 0, [.. map.List(key).Select(n => (n as YamlScalarNode)?.Value is { Length: > 0 } name
                    ? name
                    : throw YamlMap.ErrorIn(map.File, n, $"'{key}': expected a list of names"))], source);
            case ValueKind.Month:
                var month = Month(map, key, string.Empty);
                return new Change(spec, (month.Year * 12) + month.Month - 1, null, source);
            default:
                throw new InvalidOperationException($"no reader for {spec.Kind}");
        }
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

    private static DateOnly Month(YamlMap yaml, string key, string fallback)
    {
        var text = yaml.OptionalText(key) ?? fallback;
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : throw yaml.ErrorAt(key, $"'{key}': expected a month as YYYY-MM between 2000 and 2100, found '{text}'");
    }
}
