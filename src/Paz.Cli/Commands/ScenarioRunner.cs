using Paz.Core.Common;
using Paz.Data;
using Paz.Simulation.Agents;
using Paz.Runs.Execution;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary>Runs a scenario's ensemble with a progress bar on the terminal (plain progress lines when redirected).</summary>
internal static class ScenarioRunner
{
    /// <summary>
    /// Runs the ensemble; with <paramref name="posterior"/>, replicate k runs the parameter set drawn for k from it
    /// (paired across scenarios run with the same posterior), so its band carries parameter and stochastic uncertainty.
    /// </summary>
    public static EnsembleRun Run(CommandConsole console, PazDataSet data, AgentScenario scenario, int threads, Paz.Simulation.Inference.PosteriorSample? posterior = null)
    {
        if (posterior is not null)
        {
            console.Error.WriteLine($"paz: {scenario.Name}: each replicate draws its {string.Join(", ", posterior.Parameters.Select(p => p.Name))} from the posterior of {posterior.Scenario} (generation {posterior.Generation.Index}, {posterior.Particles.Count} particles)"
                + (posterior.FromPrior.Count > 0 ? $" and its {string.Join(", ", posterior.FromPrior.Select(p => p.Name))} from its prior" : string.Empty)
                + ": the bands hold parameter and stochastic uncertainty");
        }

        EnsembleRun? run = null;
        if (!Console.IsErrorRedirected && ReferenceEquals(console.Error, Console.Error))
        {
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
            {
                var task = context.AddTask($"{scenario.Name}: {scenario.Replicates} replicates × {scenario.Weeks} weeks", maxValue: scenario.Replicates);
                run = EnsembleJob.Run(data, scenario, threads, posterior, new Progress<int>(done => task.Value = done));
                task.Value = scenario.Replicates;
            });
        }
        else
        {
            var step = Math.Max(1, scenario.Replicates / 10);
            // Reported at once from the replicates' threads: a Progress<T> would post lines after the run returned.
            run = EnsembleJob.Run(data, scenario, threads, posterior, new InlineProgress<int>(done =>
            {
                if (done % step == 0 || done == scenario.Replicates)
                {
                    lock (console)
                    {
                        console.Error.WriteLine($"paz: {scenario.Name}: {done}/{scenario.Replicates} replicates done");
                    }
                }
            }));
        }

        return run!;
    }
}
