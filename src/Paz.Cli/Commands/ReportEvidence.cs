using System.Globalization;
using System.Text.Json;
using Paz.Reports.Backtests;
using Paz.Reports.Report;
using Paz.Reports.Sensitivity;

namespace Paz.Cli.Commands;

/// <summary>Reads the stored results of <c>paz backtest</c> and <c>paz sensitivity --out</c> for the report's trust section.</summary>
internal static class ReportEvidence
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Where <c>paz backtest scenarios/history.yaml</c> writes, read when no <c>--backtest</c> is given.</summary>
    public static readonly string DefaultBacktest = Path.Combine("runs", "backtest", "history", "backtest.json");

    /// <summary>The folder whose JSON files are read when no <c>--sensitivity</c> is given.</summary>
    public static readonly string DefaultSensitivityFolder = Path.Combine("runs", "sensitivity");

    /// <summary>The backtest at <paramref name="path"/>; with no path, the default one if it exists, else null.</summary>
    public static BacktestEvidence? Backtest(FileInfo? path)
    {
        var file = path?.FullName ?? (File.Exists(DefaultBacktest) ? Path.GetFullPath(DefaultBacktest) : null);
        if (file is null)
        {
            return null;
        }

        using var json = Parse(file, "a backtest written by paz backtest");
        var root = json.RootElement;
        try
        {
            var origins = root.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("origins").EnumerateArray().Select(o => o.GetProperty("origin").GetInt32())).Distinct().Order().ToList();
            var averages = root.GetProperty("averages").EnumerateArray().Select(a => new AverageScore(
                a.GetProperty("explanations").GetString()!, a.GetProperty("forecaster").GetString()!,
                a.GetProperty("national_mape").GetDouble(), a.GetProperty("state_mape").GetDouble(), a.GetProperty("national_crps").GetDouble(),
                a.GetProperty("beats_persistence").GetString())
            {
                NationalCoverage = Number(a, "national_coverage"),
                StateCoverage = Number(a, "state_coverage"),
            }).ToList();
            return new BacktestEvidence(Written(file), root.GetProperty("scenario").GetString()!, origins, averages);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"{file}: not a backtest written by paz backtest: {e.Message}");
        }
    }

    /// <summary>The rankings in <paramref name="paths"/>; with none, every JSON file in the default folder.</summary>
    public static IReadOnlyList<SensitivityEvidence> Sensitivity(FileInfo[]? paths)
    {
        var files = paths is { Length: > 0 } ? paths.Select(p => p.FullName)
            : Directory.Exists(DefaultSensitivityFolder) ? Directory.EnumerateFiles(DefaultSensitivityFolder, "*.json").Order(StringComparer.Ordinal).Select(Path.GetFullPath)
            : [];
        return [.. files.Select(Ranking)];
    }

    private static SensitivityEvidence Ranking(string file)
    {
        using var json = Parse(file, "indices written by paz sensitivity --out");
        try
        {
            var root = json.RootElement;
            var chart = root.GetProperty("chart");
            var output = root.GetProperty("output");
            var promise = root.GetProperty("output_kind").GetString() == "promise";
            var range = promise
                ? string.Create(Invariant, $"over the design's points (across the priors) the probability averages {output.GetProperty("mean").GetDouble():0.000}, 5th-95th {output.GetProperty("p5").GetDouble():0.000} to {output.GetProperty("p95").GetDouble():0.000}")
                : string.Create(Invariant, $"over the design's points (across the priors) the output averages {output.GetProperty("mean").GetDouble():N0}, 5th-95th {output.GetProperty("p5").GetDouble():N0} to {output.GetProperty("p95").GetDouble():N0}, below zero at {output.GetProperty("below_zero").GetDouble():P0} of them");
            var bars = chart.GetProperty("bars").EnumerateArray().Select(b => new TornadoBar(b.GetProperty("parameter").GetString()!, b.GetProperty("value").GetDouble(), b.GetProperty("spread").GetDouble(), b.GetProperty("assumed").GetBoolean())).ToList();
            return new SensitivityEvidence(Written(file), chart.GetProperty("title").GetString()!, chart.GetProperty("value_label").GetString()!, chart.GetProperty("spread_label").GetString()!, bars, range);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"{file}: not indices written by paz sensitivity --out: {e.Message}");
        }
    }

    private static JsonDocument Parse(string file, string what)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException($"{file}: not {what}: {e.Message}");
        }
    }

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    private static string Written(string file) => string.Create(Invariant, $"{file}, written {File.GetLastWriteTimeUtc(file):yyyy-MM-dd HH:mm} UTC");
}
