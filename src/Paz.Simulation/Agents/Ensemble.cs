using Paz.Simulation.Engine;

namespace Paz.Simulation.Agents;

/// <summary>
/// Runs a scenario's replicates in parallel. Each replicate has its own generator seeded from the
/// scenario's seed and its index, and results are kept by index, so the ensemble is identical
/// whatever the number of threads.
/// </summary>
public static class Ensemble
{
    /// <summary>
    /// Runs every replicate; <paramref name="progress"/> hears each finished one. <paramref name="timelineOf"/>, when
    /// given, is replicate k's timeline (a parameter set drawn from a posterior for it); otherwise every replicate runs
    /// the scenario's own.
    /// </summary>
    public static IReadOnlyList<ReplicateResult> Run(CriminalMarketEngine engine, AgentScenario scenario, int threads, IProgress<int>? progress = null, Func<int, Timeline>? timelineOf = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scenario);
        var results = new ReplicateResult[scenario.Replicates];
        var done = 0;
        Parallel.For(0, scenario.Replicates, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation }, k =>
        {
            results[k] = engine.Run(timelineOf?.Invoke(k) ?? scenario.Timeline, scenario.Weeks, scenario.ReplicateSeed(k));
            progress?.Report(Interlocked.Increment(ref done));
        });
        return results;
    }
}
