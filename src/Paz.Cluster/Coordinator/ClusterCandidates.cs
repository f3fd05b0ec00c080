using Paz.Cluster.Work;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Cluster.Coordinator;

/// <summary>
/// Candidates run on a cluster — a calibration's (<see cref="Calibration.Fit"/>) or a sensitivity design's points
/// (<see cref="Simulation.Sensitivity.SensitivityTerm.Run"/>): each run of the scenario with some parameters set in every period
/// becomes the work of one replicate with their values as overrides and the weeks asked for. Silos compute what the
/// engine here would, so the search or the design, and what they find, are the same as here; a candidate asked for
/// again is served from its grain.
/// </summary>
public static class ClusterCandidates
{
    /// <summary>
    /// The run a calibration or a sensitivity design takes: a candidate timeline (only <paramref name="free"/> differs from
    /// the scenario's, in every period), weeks and seed, sent to the silos behind <paramref name="grains"/>.
    /// </summary>
    public static Func<Timeline, int, ulong, ReplicateResult> Runner(IGrainFactory grains, AgentScenario scenario, IReadOnlyList<FreeParameter> free, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(free);
        return Runner(grains, scenario, [.. free.Select(f => f.Name)], recordedThrough: 0, cancellation);
    }

    /// <summary>
    /// The same for the parameters <paramref name="names"/> (any the candidate sets in every period, such as the rival
    /// explanations held), with the record held as it was at <paramref name="recordedThrough"/>'s December (a backtest's
    /// origin; 0: as written).
    /// </summary>
    public static Func<Timeline, int, ulong, ReplicateResult> Runner(IGrainFactory grains, AgentScenario scenario, IReadOnlyList<string> names, int recordedThrough, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(names);
        var template = ClusterEnsemble.WorkFor(scenario with { Replicates = 1 }, posteriorPath: null)[0];
        return (candidate, weeks, seed) =>
        {
            var values = names.Select(candidate.First.Get).ToList();
            var work = new ReplicateWork
            {
                ScenarioHash = template.ScenarioHash,
                ScenarioFiles = template.ScenarioFiles,
                Parameters = template.Parameters,
                Replicate = 0,
                Seed = seed,
                CodeVersion = template.CodeVersion,
                OverrideNames = names,
                OverrideValues = values,
                Weeks = weeks,
                RecordedThrough = recordedThrough,
            };

            // The caller's threads (a calibration's, a backtest's, a design's) wait here: each is one candidate's run in flight.
            return ClusterEnsemble.RunAsync(grains, [work], inFlight: 1, cancellation: cancellation).GetAwaiter().GetResult()[0];
        };
    }
}
