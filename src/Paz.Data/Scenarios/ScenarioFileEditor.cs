using System.Globalization;
using System.Text;

namespace Paz.Data.Scenarios;

/// <summary>
/// Writes fitted values into a scenario file without losing anything else in it: the lines of its
/// <c>parameters</c> block that set a fitted parameter get the new value, other overrides and every comment
/// stay as written, parameters the block lacks are appended to it, and the <c>calibration</c> block is
/// replaced. Whatever the file said before, reading it again gives the same scenario with the fitted values.
/// </summary>
public static class ScenarioFileEditor
{
    /// <summary>The file's text with <paramref name="values"/> in its parameters block and <paramref name="calibration"/> as its calibration block.</summary>
    /// <param name="lines">The scenario file's lines.</param>
    /// <param name="values">Parameter values to write (by scenario key), in the order new keys are appended.</param>
    /// <param name="calibration">The calibration block's entries, in order.</param>
    /// <param name="header">Comment lines placed above a parameters block the file did not have.</param>
    public static string WithParameters(IReadOnlyList<string> lines, IReadOnlyList<KeyValuePair<string, double>> values, IReadOnlyList<KeyValuePair<string, string>> calibration, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(header);
        var output = new List<string>();
        var pending = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var block = string.Empty;
        var sawParameters = false;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                if (block == "parameters")
                {
                    AppendMissing(output, pending);
                }

                block = line.Split(':')[0].Trim();
                if (block == "calibration")
                {
                    continue;
                }

                sawParameters |= block == "parameters";
            }
            else if (block == "calibration")
            {
                continue;
            }
            else if (block == "parameters" && line.TrimStart() is var inner && inner.Length > 0 && !inner.StartsWith('#'))
            {
                var key = inner.Split(':')[0].Trim();
                if (pending.Remove(key, out var value))
                {
                    var indent = line[..(line.Length - inner.Length)];
                    var comment = inner.IndexOf(" #", StringComparison.Ordinal) is var hash and > 0 ? inner[hash..] : string.Empty;
                    output.Add(string.Create(CultureInfo.InvariantCulture, $"{indent}{key}: {value:G6}{comment}"));
                    continue;
                }
            }

            output.Add(line);
        }

        if (block == "parameters")
        {
            AppendMissing(output, pending);
        }

        // Trailing blank lines and comments of a dropped calibration block would pile up at the end.
        while (output.Count > 0 && output[^1].Trim().Length == 0)
        {
            output.RemoveAt(output.Count - 1);
        }

        if (!sawParameters)
        {
            output.AddRange(header);
            output.Add("parameters:");
            AppendMissing(output, pending);
        }

        output.Add("calibration:");
        output.AddRange(calibration.Select(c => $"  {c.Key}: {c.Value}"));
        var text = new StringBuilder();
        foreach (var line in output)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendMissing(List<string> output, Dictionary<string, double> pending)
    {
        // After the block's last value line, before any comments that introduce the next block.
        var at = output.Count;
        while (at > 0 && (output[at - 1].Trim().Length == 0 || output[at - 1].TrimStart().StartsWith('#')) && !output[at - 1].StartsWith(' '))
        {
            at--;
        }

        output.InsertRange(at, pending.Select(p => string.Create(CultureInfo.InvariantCulture, $"  {p.Key}: {p.Value:G6}")));
        pending.Clear();
    }
}
