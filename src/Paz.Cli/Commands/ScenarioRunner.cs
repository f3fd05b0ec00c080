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
    public static EnsembleRun Run(CommandConsole console, PazDataSet data, AgentScenario scenario, int threads)
    {
        if (threads < 1)
        {
            throw new UsageException($"--threads must be at least 1, not {threads}");
        }

        var inputs = EngineInputsBuilder.Build(data, scenario.Start);
        scenario = ScenarioResolver.Resolve(scenario, data, inputs);
        var engine = new CriminalMarketEngine(inputs);
        IReadOnlyList<ReplicateResult> replicates;
        if (!Console.IsErrorRedirected && ReferenceEquals(console.Error, Console.Error))
        {
            replicates = [];
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress().Start(context =>
            {
                var task = context.AddTask($"{scenario.Name}: {scenario.Replicates} replicates × {scenario.Weeks} weeks", maxValue: scenario.Replicates);
                replicates = Ensemble.Run(engine, scenario, threads, new Progress<int>(done => task.Value = done));
                task.Value = scenario.Replicates;
            });
        }
        else
        {
            var step = Math.Max(1, scenario.Replicates / 10);
            replicates = Ensemble.Run(engine, scenario, threads, new Progress<int>(done =>
            {
                if (done % step == 0 || done == scenario.Replicates)
                {
                    console.Error.WriteLine($"paz: {scenario.Name}: {done}/{scenario.Replicates} replicates done");
                }
            }));
        }

        return new EnsembleRun(inputs, scenario, replicates, EnsembleSummary.ByYear(replicates, inputs));
    }
}
