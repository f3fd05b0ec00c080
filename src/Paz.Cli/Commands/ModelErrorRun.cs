using System.Globalization;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Runs.Execution;
using Paz.Runs.ModelError;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;

namespace Paz.Cli.Commands;

/// <summary>What <c>paz run</c> does with the engine's structural error: measure it on a replay, and check bands that carry it.</summary>
internal static class ModelErrorRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The predictive check of bands that also carry the structural error measured on the replay (<c>paz run --validate</c>
    /// with a posterior): a random walk from zero in the year before the start.
    /// </summary>
    // A weak check: the replay's window overlaps the years checked. The backtests, not this, test the error.
    public static PredictiveCheck PredictiveCheck((string Path, ModelErrorSteps Steps) found, EnsembleRun run, ObservedHomicides observed, int fromYear)
    {
        var years = Enumerable.Range(run.Inputs.Start.Year, Math.Min(ModelErrorComparison.LastObserved, run.Summary[^1].Year) - run.Inputs.Start.Year + 1);
        var draws = found.Steps.Steps.Apply(Forecast.Of(run.Scenario.Name, run.Replicates, run.Inputs, years), ModelDiscrepancy.PathsPerReplicate, ModelErrorOutlook.Seed);
        return Simulation.Agents.PredictiveCheck.Of(draws, observed, fromYear) with
        {
            Carrying = string.Create(Invariant, $"with the structural error of {found.Steps.Scenario} {found.Steps.FirstYear}-{found.Steps.LastYear}"),
        };
    }

    /// <summary>The whole years <c>--model-error-out</c> measures the error over.</summary>
    /// <exception cref="UsageException">Fewer than three.</exception>
    // From the year after the start (its transient) to 2018.
    public static (int First, int Last) Window(AgentScenario spec)
    {
        const int lastObserved = ModelErrorComparison.LastObserved;
        var first = spec.Start.Year + 1;
        var last = Math.Min(lastObserved, spec.End.Month == 12 ? spec.End.Year : spec.End.Year - 1);
        if (last - first < 2)
        {
            throw new UsageException(string.Create(Invariant, $"--model-error-out measures the error's yearly steps over the run's whole years from {first} (after the start's year) to {lastObserved}: {spec.Name} runs {Math.Max(0, last - first + 1)} of them, and at least three are needed (a replay starting in 2015 or earlier)"));
        }

        return (first, last);
    }

    /// <summary>Measures the error's steps on <paramref name="run"/> and writes them to <paramref name="path"/> (<c>--model-error-out</c>).</summary>
    public static void Write(CommandConsole console, string command, string path, AgentScenario spec, PazDataSet data, EnsembleRun run)
    {
        var (first, last) = Window(spec);
        var observed = ValidationTargetsBuilder.Observed(data, run.Inputs).Through(last);
        var window = Forecast.Of(spec.Name, run.Replicates, run.Inputs, Enumerable.Range(first, last - first + 1));
        var steps = ModelDiscrepancy.Estimate(window, observed);
        new ModelErrorSteps(spec.Name, first, last, steps, [command]).Write(path, run.Inputs.StateNames);
        console.Error.WriteLine(string.Create(Invariant, $"paz: {spec.Name}: the engine's error over {first}-{last} steps by {steps.NationalStep:0.000} a year nationally (log scale), {steps.StateSteps.Min():0.000}-{steps.StateSteps.Max():0.000} by state; wrote {path}"));
    }
}
