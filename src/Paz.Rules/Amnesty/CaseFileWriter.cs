using System.Globalization;
using System.Text.Json.Nodes;
using Paz.Core.Amnesty;

namespace Paz.Rules.Amnesty;

/// <summary>
/// Writes a case as the JSON case file <see cref="CaseFileReader"/> reads (docs/amnesty.md): dotted fact names become
/// nested objects, offence facts lose their <c>offence.</c> prefix. What the engine simulates can be filed with the
/// registry exactly as a clerk would file it.
/// </summary>
public static class CaseFileWriter
{
    /// <summary>The case file of <paramref name="case"/>; <see cref="CaseFileReader.Parse"/> reads it back to the same facts.</summary>
    public static string Write(AmnestyCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var facts = new JsonObject();
        foreach (var (path, value) in @case.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Put(facts, path.Split('.'), value);
        }

        var offences = new JsonArray();
        foreach (var offence in @case.Offences)
        {
            var o = new JsonObject();
            foreach (var (path, value) in offence.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Put(o, path[FactCatalog.OffencePrefix.Length..].Split('.'), value);
            }

            offences.Add(o);
        }

        return new JsonObject { ["case_id"] = @case.Id, ["facts"] = facts, ["offences"] = offences }.ToJsonString();
    }

    private static void Put(JsonObject into, string[] parts, FactValue value)
    {
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (into[parts[i]] is not JsonObject next)
            {
                into[parts[i]] = next = new JsonObject();
            }

            into = next;
        }

        into[parts[^1]] = value.Type switch
        {
            FactType.Boolean => JsonValue.Create(value.Flag),
            FactType.Number => JsonValue.Create(value.Number),
            FactType.Date => JsonValue.Create(value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value.Text),
        };
    }
}
