using System.CommandLine;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Runs.Execution;
using Paz.Runs.ModelError;
using Paz.Simulation.Backtesting;

namespace Paz.Cli.Commands;

/// <summary>Each compared scenario's national outlook with the engine's structural error (<see cref="ModelErrorOutlook"/>).</summary>
/// <param name="Path">The model-error file read.</param>
/// <param name="Steps">What it holds.</param>
/// <param name="Outlooks">One per scenario, in order; null for a scenario that runs no year after 2018.</param>
internal sealed record ModelErrorComparison(string Path, ModelErrorSteps Steps, IReadOnlyList<ModelErrorOutlook?> Outlooks)
{
    /// <summary>The <c>--model-error</c> option of the commands that read the file.</summary>
    public static Option<FileInfo?> Option() => new("--model-error")
    {
        Description = "The engine's structural error measured on the replay (paz run scenarios/history.yaml --model-error-out FILE); default: the first model-error.json beside the (first) scenario's file or the files it builds on, when present.",
    };

    /// <summary>Where the error was measured, in a sentence.</summary>
    public string Source => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"The error was measured on the replay {Steps.Scenario} over {Steps.FirstYear}-{Steps.LastYear} ({System.IO.Path.GetFileName(Path)}): it steps by {Steps.Steps.NationalStep:0.000} a year nationally on the log scale.");

    /// <summary>The last year whose outcomes a run may start its error from.</summary>
    public const int LastObserved = 2018;

    /// <summary>
    /// The model-error file named, or, when none is named, the first <c>model-error.json</c> beside the scenario's
    /// files (the file itself, then the bases it builds on or the history it runs on, nearest first, as the
    /// posterior is found); null when neither. Read before the runs, so that a malformed file stops the command at once.
    /// </summary>
    /// <exception cref="UsageException">The named file does not exist or is not a model-error file.</exception>
    public static (string Path, ModelErrorSteps Steps)? Find(IReadOnlyList<string> scenarioFiles, FileInfo? named)
    {
        ArgumentNullException.ThrowIfNull(scenarioFiles);
        var path = named?.FullName ?? ModelErrorSteps.Nearest(scenarioFiles) ?? string.Empty;
        if (!File.Exists(path))
        {
            return named is null ? null : throw new UsageException($"{path}: no such model-error file (paz run scenarios/history.yaml --model-error-out FILE writes one)");
        }

        try
        {
            return (path, ModelErrorSteps.Read(path));
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Each run's outlook under <paramref name="found"/>'s steps.</summary>
    /// <exception cref="UsageException">The file counts other states than the runs' data.</exception>
    public static ModelErrorComparison Of((string Path, ModelErrorSteps Steps) found, PazDataSet data, IReadOnlyList<EnsembleRun> runs)
    {
        var (path, steps) = found;
        if (steps.Steps.StateSteps.Length != runs[0].Inputs.States)
        {
            throw new UsageException($"{path}: {steps.Steps.StateSteps.Length} states, the scenarios' data {runs[0].Inputs.States}");
        }

        var outlooks = runs.Select(run => ModelErrorOutlook.Of(run.Scenario.Name, run.Replicates, run.Inputs, steps.Steps,
            ValidationTargetsBuilder.Observed(data, run.Inputs).Through(LastObserved), run.Summary[^1].Year)).ToList();
        return new ModelErrorComparison(path, steps, outlooks);
    }
}
