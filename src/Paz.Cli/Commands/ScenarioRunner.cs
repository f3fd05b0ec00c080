using Paz.Core.Common;
using Paz.Data.Engine;
using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary>A finished ensemble with what it ran on.</summary>
internal sealed record EnsembleRun(EngineInputs Inputs, AgentScenario Scenario, IReadOnlyList<ReplicateResult> Replicates, IReadOnlyList<YearSummary> Summary)
{
    /// <summary>The planning regions of the last period that deployed by plan, if any.</summary>
    public IReadOnlyList<int>? RegionOf => Scenario.Timeline.Periods.LastOrDefault(p => p.Forces?.RegionOf is not null)?.Forces?.RegionOf;
}

/// <summary>Runs a scenario's ensemble with a progress bar on the terminal (plain progress lines when redirected).</summary>
internal static class ScenarioRunner
{
    /// <summary>
    /// Runs the ensemble; with <paramref name="posterior"/>, replicate k runs the parameter set drawn for k from it
    /// (paired across scenarios run with the same posterior), so its band carries parameter and stochastic uncertainty.
    /// </summary>
    public static EnsembleRun Run(CommandConsole console, PazDataSet data, AgentScenario scenario, int threads, Paz.Simulation.Inference.PosteriorSample? posterior = null)
    {
        if (threads < 1)
        {
            throw new UsageException($"--threads must be at least 1, not {threads}");
        }

        var inputs = EngineInputsBuilder.Build(data, scenario.Start);
        scenario = ScenarioResolver.Resolve(scenario, data, inputs);
        var engine = new CriminalMarketEngine(inputs);
        var timeline = scenario.Timeline;
        Func<int, Paz.Simulation.Engine.Timeline>? timelineOf = posterior is null ? null : k => posterior.TimelineFor(timeline, k);
        if (posterior is not null)
        {
            console.Error.WriteLine($"paz: {scenario.Name}: each replicate draws its {string.Join(", ", posterior.Parameters.Select(p => p.Name))} from the posterior of {posterior.Scenario} (generation {posterior.Generation.Index}, {posterior.Particles.Count} particles)"
                + (posterior.FromPrior.Count > 0 ? $" and its {string.Join(", ", posterior.FromPrior.Select(p => p.Name))} from its prior" : string.Empty)
                + ": the bands hold parameter and stochastic uncertainty");
        }

        IReadOnlyList<ReplicateResult> replicates;
        if (!Console.IsErrorRedirected && ReferenceEquals(console.Error, Console.Error))
        {
            replicates = [];
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
            {
                var task = context.AddTask($"{scenario.Name}: {scenario.Replicates} replicates × {scenario.Weeks} weeks", maxValue: scenario.Replicates);
                replicates = Ensemble.Run(engine, scenario, threads, new Progress<int>(done => task.Value = done), timelineOf);
                task.Value = scenario.Replicates;
            });
        }
        else
        {
            var step = Math.Max(1, scenario.Replicates / 10);
            // Reported at once from the replicates' threads: a Progress<T> would post lines after the run returned.
            replicates = Ensemble.Run(engine, scenario, threads, new InlineProgress<int>(done =>
            {
                if (done % step == 0 || done == scenario.Replicates)
                {
                    lock (console)
                    {
                        console.Error.WriteLine($"paz: {scenario.Name}: {done}/{scenario.Replicates} replicates done");
                    }
                }
            }), timelineOf);
        }

        return new EnsembleRun(inputs, scenario, replicates, EnsembleSummary.ByYear(replicates, inputs));
    }
}
