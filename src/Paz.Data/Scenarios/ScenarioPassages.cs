using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Data.Scenarios;

/// <summary>
/// What a scenario changes, read back from its files: every lever a period sets, with the comment above it. The
/// shipped scenarios quote the seed's passage each lever encodes in that comment, so a report can show the lever
/// beside its reason.
/// </summary>
public static class ScenarioPassages
{
    /// <summary>The levers <paramref name="scenario"/> sets (its bases' included), in timeline order, then file order.</summary>
    public static IReadOnlyList<LeverPassage> Of(AgentScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] Lines(string file) => files.TryGetValue(file, out var lines) ? lines : files[file] = File.Exists(file) ? File.ReadAllLines(file) : [];
        var periods = scenario.Timeline.Periods;
        return [.. scenario.Sources
            .Where(kv => Declarations.Find(kv.Key.Key) is { IsLever: true })
            .Where(kv => !(scenario.Sources.TryGetValue((kv.Key.Period - 1, kv.Key.Key), out var before) && before == kv.Value)) // carried over, not set again
            .OrderBy(kv => kv.Key.Period).ThenBy(kv => kv.Value.File, StringComparer.Ordinal).ThenBy(kv => kv.Value.Line)
            .Select(kv =>
            {
                var lines = Lines(kv.Value.File);
                var from = kv.Key.Period < periods.Count ? periods[kv.Key.Period].From : scenario.Start;
                return new LeverPassage(from, kv.Key.Key, ValueAt(lines, kv.Value.Line, kv.Key.Key), CommentAbove(lines, kv.Value.Line), kv.Value.File, kv.Value.Line);
            })];
    }

    // The text after "key:" on the line, without a trailing comment.
    private static string ValueAt(string[] lines, int line, string key)
    {
        if (line < 1 || line > lines.Length)
        {
            return "";
        }

        var text = lines[line - 1];
        var at = text.IndexOf(key + ":", StringComparison.Ordinal);
        var value = at < 0 ? text : text[(at + key.Length + 1)..];
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? value : value[..hash]).Trim();
    }

    // The comment lines right above the line (stopping at code or a blank line), without their '#'.
    private static string CommentAbove(string[] lines, int line)
    {
        var comment = new List<string>();
        for (var i = line - 2; i >= 0; i--)
        {
            var text = lines[i].Trim();
            if (!text.StartsWith('#'))
            {
                break;
            }

            comment.Insert(0, text.TrimStart('#').Trim());
        }

        return string.Join(' ', comment);
    }
}
