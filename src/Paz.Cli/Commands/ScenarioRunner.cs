using Paz.Data;
using Paz.Simulation.Agents;
using Paz.Runs.Execution;

namespace Paz.Cli.Commands;

/// <summary>Runs a scenario's ensemble with a progress bar on the terminal (plain progress lines when redirected or --quiet).</summary>
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
            // A hundred names would bury the point: the inferred ones are named, the others counted (paz infer's table lists them).
            console.Error.WriteLine($"paz: {scenario.Name}: each replicate draws {posterior.Parameters.Count} parameter{(posterior.Parameters.Count == 1 ? string.Empty : "s")} from the posterior of {posterior.Scenario} (generation {posterior.Generation.Index}, {posterior.Particles.Count} particles: {string.Join(", ", posterior.Parameters.Select(p => p.Name))})"
                + (posterior.FromPrior.Count > 0 ? $" and {posterior.FromPrior.Count} that the data to 2018 do not inform from their priors" : string.Empty)
                + ": the bands hold parameter and stochastic uncertainty");
        }

        return LongWork.Run(console, $"{scenario.Name} ({scenario.Weeks} weeks)", "replicates", scenario.Replicates,
            progress => EnsembleJob.Run(data, scenario, threads, posterior, progress));
    }
}
