using System.Globalization;
using Paz.Core.Amnesty;
using YamlDotNet.RepresentationModel;

namespace Paz.Data.Tests.Amnesty;

/// <summary>One row of a rule set's case table: an application, the expected decision and the rules that must fire.</summary>
public sealed record CaseRow(string RuleFile, string Name, string Source, AmnestyCase Case, Decision Expected, IReadOnlyList<string> Fired);

/// <summary>
/// Reads the case tables under Amnesty/Cases: a base of facts shared by a table, and per case only what
/// differs (facts to set, facts to unset, offences merged over the base offence).
/// </summary>
public static class CaseTable
{
    /// <summary>The folder of the tables (copied next to the test assembly).</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Amnesty", "Cases");

    /// <summary>Every row of every table.</summary>
    public static IEnumerable<CaseRow> All() =>
        Directory.GetFiles(Folder, "*.cases.yaml").Order(StringComparer.Ordinal).SelectMany(Read);

    /// <summary>The rows of one table.</summary>
    public static IEnumerable<CaseRow> Read(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var rules = Scalar(root, "rules");
        var baseMap = (YamlMappingNode)root.Children[new YamlScalarNode("base")];
        var baseFacts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        Merge(baseFacts, Facts(Child(baseMap, "facts"), string.Empty));
        var baseOffence = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        Merge(baseOffence, Facts(Child(baseMap, "offence"), FactCatalog.OffencePrefix));
        foreach (YamlMappingNode row in ((YamlSequenceNode)root.Children[new YamlScalarNode("cases")]).Children.Cast<YamlMappingNode>())
        {
            var facts = new Dictionary<string, FactValue>(baseFacts, StringComparer.Ordinal);
            Merge(facts, Facts(Child(row, "facts"), string.Empty));

            if (Child(row, "unset") is YamlSequenceNode unset)
            {
                foreach (var item in unset.Children)
                {
                    Assert.True(facts.Remove(((YamlScalarNode)item).Value!), $"{path}: unset of a fact the base does not state");
                }
            }

            var offences = new List<IReadOnlyDictionary<string, FactValue>>();
            if (Child(row, "offences") is YamlSequenceNode list)
            {
                foreach (var item in list.Children)
                {
                    var offence = new Dictionary<string, FactValue>(baseOffence, StringComparer.Ordinal);
                    Merge(offence, Facts(item, FactCatalog.OffencePrefix));

                    offences.Add(offence);
                }
            }

            var name = Scalar(row, "name");
            var expected = Enum.Parse<Decision>(Scalar(row, "expect").Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
            var fired = ((YamlSequenceNode)row.Children[new YamlScalarNode("fired")]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
            yield return new CaseRow(rules, name, Scalar(row, "source"), new AmnestyCase(name, facts, offences), expected, fired);
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    // A null value (~) removes the base's fact: "not stated".
    private static void Merge(Dictionary<string, FactValue> into, Dictionary<string, FactValue?> changes)
    {
        foreach (var (k, v) in changes)
        {
            if (v is { } value)
            {
                into[k] = value;
            }
            else
            {
                into.Remove(k);
            }
        }
    }

    private static Dictionary<string, FactValue?> Facts(YamlNode? node, string prefix)
    {
        var facts = new Dictionary<string, FactValue?>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            return facts;
        }

        foreach (var (k, v) in map.Children)
        {
            var path = prefix + ((YamlScalarNode)k).Value;
            var raw = ((YamlScalarNode)v).Value!;
            var definition = FactCatalog.Find(path) ?? throw new InvalidOperationException($"case table names unknown fact {path}");
            if (raw is "~" or "null" or "")
            {
                facts[path] = null;
                continue;
            }

            facts[path] = definition.Type switch
            {
                FactType.Boolean => FactValue.Of(bool.Parse(raw)),
                FactType.Number => FactValue.Of(double.Parse(raw, CultureInfo.InvariantCulture)),
                FactType.Date => FactValue.Of(DateOnly.ParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ => FactValue.Of(raw),
            };
        }

        return facts;
    }
}
