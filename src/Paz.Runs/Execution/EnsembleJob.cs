using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Inference;

namespace Paz.Runs.Execution;

/// <summary>A finished ensemble with what it ran on.</summary>
/// <param name="Inputs">The engine's inputs.</param>
/// <param name="Scenario">The scenario, resolved against the data.</param>
/// <param name="Replicates">Each replicate's result.</param>
/// <param name="Summary">National bands per year.</param>
public sealed record EnsembleRun(EngineInputs Inputs, AgentScenario Scenario, IReadOnlyList<ReplicateResult> Replicates, IReadOnlyList<YearSummary> Summary)
{
    /// <summary>The planning regions of the last period that deployed by plan, if any.</summary>
    public IReadOnlyList<int>? RegionOf => Scenario.Timeline.Periods.LastOrDefault(p => p.Forces?.RegionOf is not null)?.Forces?.RegionOf;
}

/// <summary>A scenario resolved against the engine's inputs built for it, ready to run.</summary>
/// <param name="Inputs">The engine's inputs.</param>
/// <param name="Scenario">The scenario, resolved.</param>
public sealed record PreparedScenario(EngineInputs Inputs, AgentScenario Scenario);

/// <summary>Runs a scenario's ensemble on the data and writes its outputs: what <c>paz run</c> and the dashboard's runs share.</summary>
public static class EnsembleJob
{
    /// <summary>
    /// Runs the ensemble on <paramref name="threads"/> threads; with <paramref name="posterior"/>, replicate k runs the parameter set
    /// drawn for k from it (paired across scenarios run with the same posterior), so its bands carry parameter and stochastic uncertainty.
    /// <paramref name="progress"/> hears the count of finished replicates.
    /// </summary>
    public static EnsembleRun Run(PazDataSet data, AgentScenario scenario, int threads, PosteriorSample? posterior, IProgress<int>? progress, CancellationToken cancellation = default) =>
        Run(Prepare(data, scenario), threads, posterior, progress, cancellation);

    /// <summary>
    /// The engine's inputs for <paramref name="scenario"/> and the scenario resolved against them (Guard and pullback plans, names of
    /// states and rule sets checked, with their lines): what a run needs before its replicates, and what a request is validated by.
    /// </summary>
    public static PreparedScenario Prepare(PazDataSet data, AgentScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scenario);
        var inputs = EngineInputsBuilder.Build(data, scenario.Start);
        return new PreparedScenario(inputs, ScenarioResolver.Resolve(scenario, data, inputs));
    }

    /// <summary>Runs the ensemble of a prepared scenario (see the other overload).</summary>
    public static EnsembleRun Run(PreparedScenario prepared, int threads, PosteriorSample? posterior, IProgress<int>? progress, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (threads < 1)
        {
            throw new InvalidOperationException($"--threads must be at least 1, not {threads}");
        }

        var (inputs, scenario) = prepared;
        var timeline = scenario.Timeline;
        Func<int, Paz.Simulation.Engine.Timeline>? timelineOf = posterior is null ? null : k => posterior.TimelineFor(timeline, k);
        return Gathered(prepared, Ensemble.Run(new CriminalMarketEngine(inputs), scenario, threads, progress, timelineOf, cancellation));
    }

    /// <summary>The run of <paramref name="prepared"/> whose replicates were computed elsewhere (a cluster's silos), in replicate order.</summary>
    public static EnsembleRun Gathered(PreparedScenario prepared, IReadOnlyList<ReplicateResult> replicates)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return new EnsembleRun(prepared.Inputs, prepared.Scenario, replicates, EnsembleSummary.ByYear(replicates, prepared.Inputs));
    }

    /// <summary>Writes the run's long rows (<see cref="RunWriter"/>) and summary.json into <paramref name="folder"/>; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, EnsembleRun run, bool csv)
    {
        ArgumentNullException.ThrowIfNull(run);
        var files = (await RunWriter.WriteAsync(folder, run.Scenario.Name, run.Inputs, run.Replicates, csv, run.RegionOf).ConfigureAwait(false)).ToList();
        var summary = Path.Combine(folder, "summary.json");
        AtomicFile.Write(summary, w => w.Write(RunSummary.Text(run.Scenario, run.Summary)));
        files.Add(summary);
        return files;
    }
}
