using System.Globalization;
using Paz.Core.Amnesty;
using YamlDotNet.RepresentationModel;

namespace Paz.Rules.Amnesty;

/// <summary>
/// Reads an amnesty rule set (rules/amnesty/*.yaml) strictly: unknown keys, unknown facts, a test
/// that does not fit the fact's type, a word outside the fact's list, an offence fact outside an
/// offence, or a duplicate rule id are refused with the file and line. The format is in docs/amnesty.md.
/// </summary>
public static class RuleSetReader
{
    private static readonly string[] TopKeys = ["name", "title", "version", "source", "decision_deadline_days", "revoke_on_new_offence", "rules", "obligations"];
    private static readonly string[] RuleKeys = ["id", "kind", "text", "source", "when"];
    private static readonly string[] ObligationKeys = ["id", "kind", "text", "source", "hours", "when"];
    private static readonly string[] Connectives = ["all", "any", "not", "any_offence", "every_offence"];
    private static readonly string[] Tests = ["is", "equals", "in", "at_least", "at_most", "before"];

    /// <summary>Reads and validates a rule file.</summary>
    /// <exception cref="DataFormatException">The file is malformed (message names file and line).</exception>
    public static RuleSet Read(string path)
    {
        var yaml = YamlMap.Load(path, TopKeys);
        var rules = new List<Rule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in yaml.List("rules"))
        {
            var map = YamlMap.Of(path, node, RuleKeys, "a rule");
            var id = Identifier(map, ids);
            var kind = Kind<RuleKind>(map, "kind", "gate, exclusion, ground, review");
            var when = ReadCondition(path, map.Node("when"), offenceInScope: kind == RuleKind.Ground);
            rules.Add(new Rule(id, kind, map.Text("text"), map.Text("source"), when, map.Line));
        }

        if (rules.Count == 0)
        {
            throw yaml.ErrorAt("rules", "expected at least one rule under 'rules'");
        }

        if (rules.All(r => r.Kind != RuleKind.Ground))
        {
            throw yaml.ErrorAt("rules", "expected at least one rule of kind 'ground' (what offences the amnesty covers)");
        }

        var obligations = new List<Obligation>();
        foreach (var node in yaml.List("obligations"))
        {
            var map = YamlMap.Of(path, node, ObligationKeys, "an obligation");
            var id = Identifier(map, ids);
            var kind = Kind<ObligationKind>(map, "kind", "disclosure, testimony, asset_surrender, community_service, no_weapons, reparation, victims_hearing, leave_group, no_new_offence");
            var hours = map.Number("hours", 0, 10_000, 0);
            if (kind == ObligationKind.CommunityService && hours <= 0)
            {
                throw map.ErrorAt("hours", "community service needs 'hours' (a number above 0)");
            }

            var when = map.Has("when") ? ReadCondition(path, map.Node("when"), offenceInScope: false) : null;
            obligations.Add(new Obligation(id, kind, map.Text("text"), map.Text("source"), hours, when));
        }

        return new RuleSet(
            yaml.Text("name"), yaml.Text("title"), yaml.Text("version"), yaml.Text("source"), rules, obligations,
            (int)yaml.WholeNumber("decision_deadline_days", 0, 3650, 0), yaml.Flag("revoke_on_new_offence", false));
    }

    private static string Identifier(YamlMap map, HashSet<string> ids)
    {
        var id = map.Text("id");
        return ids.Add(id) ? id : throw map.ErrorAt("id", $"rule id '{id}' is used twice; expected unique ids");
    }

    private static T Kind<T>(YamlMap map, string key, string expected)
        where T : struct, Enum
    {
        var raw = map.Text(key);
        return Enum.TryParse<T>(raw.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind) && !raw.Any(char.IsUpper)
            ? kind
            : throw map.ErrorAt(key, $"'{key}': expected one of {expected}, found '{raw}'");
    }

    /// <summary>Reads a condition node (see docs/amnesty.md).</summary>
    internal static Condition ReadCondition(string file, YamlNode node, bool offenceInScope)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            throw YamlMap.ErrorIn(file, node, $"expected a condition: one of {string.Join(", ", Connectives)}, or 'fact' with one of {string.Join(", ", Tests)}");
        }

        var keys = mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToList();
        if (keys.Contains("fact"))
        {
            return ReadTest(file, YamlMap.Of(file, node, ["fact", .. Tests], "a fact test"), offenceInScope);
        }

        if (keys.Count != 1)
        {
            throw YamlMap.ErrorIn(file, node, $"expected exactly one of {string.Join(", ", Connectives)} in a condition, found {string.Join(", ", keys)}");
        }

        var map = YamlMap.Of(file, node, Connectives, "a condition");
        return keys[0] switch
        {
            "all" => new AllOf(Parts(file, map, "all", offenceInScope)),
            "any" => new AnyOf(Parts(file, map, "any", offenceInScope)),
            "not" => new NotThis(ReadCondition(file, map.Node("not"), offenceInScope)),
            "any_offence" => new ForOffences(false, Nested(file, map, "any_offence", offenceInScope)),
            _ => new ForOffences(true, Nested(file, map, "every_offence", offenceInScope)),
        };
    }

    private static Condition Nested(string file, YamlMap map, string key, bool offenceInScope) =>
        offenceInScope
            ? throw map.ErrorAt(key, $"'{key}' inside a condition that is already about one offence; expected a plain condition")
            : ReadCondition(file, map.Node(key), offenceInScope: true);

    private static List<Condition> Parts(string file, YamlMap map, string key, bool offenceInScope)
    {
        var parts = map.List(key).Select(n => ReadCondition(file, n, offenceInScope)).ToList();
        return parts.Count > 0 ? parts : throw map.ErrorAt(key, $"'{key}': expected a list of at least one condition");
    }

    private static FactCondition ReadTest(string file, YamlMap map, bool offenceInScope)
    {
        var path = map.Text("fact");
        var definition = FactCatalog.Find(path) ?? throw map.ErrorAt("fact", $"unknown fact '{path}'; expected a fact from the catalogue in docs/amnesty.md{Suggestion(path)}");
        if (definition.PerOffence && !offenceInScope)
        {
            throw map.ErrorAt("fact", $"'{path}' is about one offence; expected it inside 'any_offence' or 'every_offence', or in a rule of kind 'ground'");
        }

        var tests = map.Keys.Where(k => k != "fact").ToList();
        if (tests.Count != 1)
        {
            throw map.ErrorAt("fact", $"expected exactly one test for '{path}' ({string.Join(", ", Tests)}), found {(tests.Count == 0 ? "none" : string.Join(", ", tests))}");
        }

        var test = tests[0];
        var allowed = definition.Type switch
        {
            FactType.Boolean => ["is"],
            FactType.Number => ["equals", "at_least", "at_most"],
            FactType.Date => ["before"],
            _ => new[] { "equals", "in" },
        };
        if (!allowed.Contains(test))
        {
            throw map.ErrorAt(test, $"'{test}' does not apply to '{path}' ({definition.Type.ToString().ToLowerInvariant()}); expected {string.Join(" or ", allowed)}");
        }

        var node = map.Node(test);
        IReadOnlyList<YamlNode> raw = test == "in"
            ? node is YamlSequenceNode s && s.Children.Count > 0 ? [.. s.Children] : throw YamlMap.ErrorIn(file, node, "'in': expected a list of at least one value")
            : [node];
        var values = raw.Select(n => Value(file, n, definition)).ToList();
        var kind = test switch
        {
            "is" => FactTest.Is,
            "equals" => FactTest.EqualsValue,
            "in" => FactTest.In,
            "at_least" => FactTest.AtLeast,
            "at_most" => FactTest.AtMost,
            _ => FactTest.Before,
        };
        return new FactCondition(path, kind, values);
    }

    private static FactValue Value(string file, YamlNode node, FactDefinition definition)
    {
        var raw = node is YamlScalarNode { Value: { } v } ? v : throw YamlMap.ErrorIn(file, node, $"expected a single value for '{definition.Path}'");
        switch (definition.Type)
        {
            case FactType.Boolean when raw is "true" or "false":
                return FactValue.Of(raw == "true");
            case FactType.Number when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                return FactValue.Of(number);
            case FactType.Date when DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return FactValue.Of(date);
            case FactType.Text when definition.Words.Count == 0 || definition.Words.Contains(raw, StringComparer.Ordinal):
                return FactValue.Of(raw);
            default:
                var expected = definition.Type switch
                {
                    FactType.Boolean => "true or false",
                    FactType.Number => "a number",
                    FactType.Date => "a date yyyy-MM-dd",
                    _ => $"one of {string.Join(", ", definition.Words)}",
                };
                throw YamlMap.ErrorIn(file, node, $"'{definition.Path}': expected {expected}, found '{raw}'");
        }
    }

    private static string Suggestion(string path)
    {
        var tail = path[(path.LastIndexOf('.') + 1)..];
        var near = FactCatalog.Facts.Select(f => f.Path).Where(p => p.EndsWith(tail, StringComparison.Ordinal) || p.Contains(tail, StringComparison.Ordinal)).Take(3).ToList();
        return near.Count > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : string.Empty;
    }
}
