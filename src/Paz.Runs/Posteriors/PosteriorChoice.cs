using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Inference;

namespace Paz.Runs.Posteriors;

/// <summary>
/// Which posterior a scenario's replicates draw their parameters from: <c>--posterior FILE</c>; none with <c>--point</c>;
/// by default the nearest <c>NAME.posterior.json</c> beside the scenario's file or one of its bases' (plan-2018 and
/// recommended build on baseline, so they draw from baseline's posterior: the same parameter sets, paired).
/// </summary>
public static class PosteriorChoice
{
    /// <summary>The posterior for <paramref name="scenario"/>, or null to run at its point values.</summary>
    /// <exception cref="InvalidOperationException">Both options given, the posterior lacks a parameter with a prior, or it would override a parameter the scenario changes on a date.</exception>
    public static PosteriorSample? For(AgentScenario scenario, string? file, bool point)
    {
        var path = PathFor(scenario, file, point);
        return Usable(scenario, Read(path), path);
    }

    /// <summary>The posterior file <see cref="For"/> reads, or null.</summary>
    public static string? PathFor(AgentScenario scenario, string? file, bool point)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return point && file is not null
            ? throw new InvalidOperationException("--point and --posterior contradict each other: give one")
            : point ? null : (file is null ? null : Path.GetFullPath(file)) ?? Beside(scenario);
    }

    /// <summary>Reads the posterior at <paramref name="path"/> (null: none).</summary>
    public static PosteriorSample? Read(string? path) =>
        path is null ? null
        : File.Exists(path) ? PosteriorFile.Read(path)
        : throw new InvalidOperationException($"--posterior: '{path}' does not exist");

    /// <summary><paramref name="posterior"/> (read from <paramref name="path"/>), once it is known not to override a parameter <paramref name="scenario"/> changes on a date.</summary>
    public static PosteriorSample? Usable(AgentScenario scenario, PosteriorSample? posterior, string? path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (posterior is not null)
        {
            var known = posterior.Parameters.Concat(posterior.FromPrior).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            // A rival explanation's own parameter the scenario does not hold is read by no run of it, nor is a parameter of
            // a world that starts earlier than the scenario does.
            var missing = Calibration.Uncertain.Where(p => !known.Contains(p.Name) && !scenario.Timeline.First.BelongsToAnExplanationNotHeld(p.Name) && ReadAtTheStartOf(scenario, p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                // Running them at their point values would hide their uncertainty from every band.
                throw new InvalidOperationException($"the posterior {path} predates the parameters {string.Join(", ", missing)}: run paz infer again with the options in its made_by to screen them in, or run with --point");
            }
        }

        var changed = posterior?.ChangedOnADate(scenario.Timeline) ?? [];
        return changed.Count == 0
            ? posterior
            : throw new InvalidOperationException($"{scenario.Name} changes {string.Join(", ", changed)} on a date, which the posterior {path} would override in every period: run with --point, or infer a posterior without it");
    }

    // Whether a run starting when the scenario does reads the parameter.
    private static bool ReadAtTheStartOf(AgentScenario scenario, string parameter) =>
        Declarations.Find(parameter)?.ReadByAStartIn(scenario.Start.Year) ?? true;

    /// <summary>The nearest posterior file beside the scenario's file or its bases', or null.</summary>
    public static string? Beside(AgentScenario scenario) =>
        scenario.Files.Select(f => Path.ChangeExtension(f, ".posterior.json")).FirstOrDefault(File.Exists);
}
