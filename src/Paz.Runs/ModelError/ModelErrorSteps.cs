using System.Text.Json;
using Paz.Data;
using Paz.Simulation.Backtesting;

namespace Paz.Runs.ModelError;

/// <summary>
/// The engine's structural error measured on a replay (<see cref="ModelDiscrepancy"/>'s yearly steps, national and by
/// state), as <c>paz run SCENARIO --model-error-out FILE</c> writes it and <c>paz compare</c>, <c>paz report</c> and <c>paz run --validate</c> read it.
/// </summary>
/// <param name="Scenario">The replay it was measured on.</param>
/// <param name="FirstYear">The window's first year.</param>
/// <param name="LastYear">The window's last year (at most 2018).</param>
/// <param name="Steps">The steps (the gaps at the window's end are not kept: a run starts from its own).</param>
/// <param name="MadeBy">The command that wrote it.</param>
public sealed record ModelErrorSteps(string Scenario, int FirstYear, int LastYear, ModelDiscrepancy Steps, IReadOnlyList<string> MadeBy)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private sealed record Stored(string Scenario, int FirstYear, int LastYear, double NationalStep, IReadOnlyList<StoredState> States, IReadOnlyList<string> MadeBy);

    private sealed record StoredState(int Index, string? Name, double Step);

    /// <summary>The file <c>paz compare</c> reads when none is named: <c>model-error.json</c> beside the scenario.</summary>
    public static string DefaultPath(string scenarioFile) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioFile))!, "model-error.json");

    /// <summary>
    /// The first <c>model-error.json</c> beside a scenario's files — the file itself, then the bases it builds on or the
    /// history it runs on, nearest first, as the posterior is found — or null.
    /// </summary>
    public static string? Nearest(IEnumerable<string> scenarioFiles) => scenarioFiles.Select(DefaultPath).FirstOrDefault(File.Exists);

    /// <summary>Writes the steps to <paramref name="path"/> (atomically).</summary>
    public void Write(string path, IReadOnlyList<string>? stateNames)
    {
        var stored = new Stored(Scenario, FirstYear, LastYear, Steps.NationalStep,
            [.. Steps.StateSteps.Select((s, i) => new StoredState(i, stateNames is { } names && i < names.Count ? names[i] : null, s))], MadeBy);
        AtomicFile.Write(path, w => w.Write(JsonSerializer.Serialize(stored, Json)));
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is not one, or holds a negative or missing step.</exception>
    public static ModelErrorSteps Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), Json) ?? throw new JsonException("empty");
            if (stored.States is null || stored.States.Count == 0 || !(stored.NationalStep >= 0) || stored.States.Any(s => !(s.Step >= 0)))
            {
                throw new JsonException("a national step and one step per state, none negative");
            }

            var steps = new double[stored.States.Count];
            foreach (var s in stored.States)
            {
                steps[s.Index] = s.Step;
            }

            return new ModelErrorSteps(stored.Scenario, stored.FirstYear, stored.LastYear, new ModelDiscrepancy(0, stored.NationalStep, new double[steps.Length], steps), stored.MadeBy ?? []);
        }
        catch (Exception e) when (e is JsonException or IOException or IndexOutOfRangeException)
        {
            throw new InvalidOperationException($"{path}: not a model-error file written by paz run --model-error-out: {e.Message}");
        }
    }
}
