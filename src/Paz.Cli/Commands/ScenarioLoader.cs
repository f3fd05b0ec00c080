using Paz.Data.Scenarios;
using Paz.Simulation.Agents;

namespace Paz.Cli.Commands;

/// <summary>Reads a scenario file for a command that needs the agent-based engine (a shipped one when the path is not in the working folder).</summary>
internal static class ScenarioLoader
{
    public static AgentScenario Agent(string path, int? replicates = null)
    {
        path = Paz.Data.ShippedFiles.Locate(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"scenario file '{path}' does not exist");
        }

        var scenario = AgentScenarioReader.Read(path);
        if (replicates is { } n)
        {
            scenario = n >= 1 ? scenario with { Replicates = n } : throw new UsageException($"--replicates must be at least 1, not {n}");
        }

        return scenario;
    }
}
