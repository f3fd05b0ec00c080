using Paz.Cluster.Grains;
using Paz.Cluster.Work;
using Paz.Runs.Catalogue;
using Paz.Simulation.Agents;

namespace Paz.Cluster.Coordinator;

/// <summary>
/// Runs an ensemble on a cluster: one grain call per replicate, at most <c>inFlight</c> at a time, results gathered by
/// replicate index and decoded, so the list is the one <see cref="Ensemble.Run"/> gives here for the same scenario and
/// seeds. A call that fails because a silo went away, or is not answered in four times the slowest answer so far, is
/// sent again (the grain is activated on a silo that is up, and the work, keyed by its identity, computes the same
/// bytes); a refusal (another code version, a scenario that does not read) is not, and ends the ensemble with its
/// message.
/// </summary>
public static class ClusterEnsemble
{
    /// <summary>How many times a replicate is sent before the ensemble gives up on it.</summary>
    public const int Attempts = 8;

    /// <summary>
    /// The work of every replicate of <paramref name="scenario"/> (read from its files) under the posterior at
    /// <paramref name="posteriorPath"/> (null: the point values).
    /// </summary>
    public static IReadOnlyList<ReplicateWork> WorkFor(AgentScenario scenario, string? posteriorPath)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var key = RunKey.For(scenario, posteriorPath);
        var root = CommonFolder(scenario.Files);
        IReadOnlyList<ScenarioFile> files = [.. scenario.Files.Select(f => new ScenarioFile
        {
            RelativePath = Path.GetRelativePath(root, f).Replace('\\', '/'),
            Content = File.ReadAllBytes(f),
        })];
        var posterior = posteriorPath is null ? null : File.ReadAllBytes(posteriorPath);
        return [.. Enumerable.Range(0, scenario.Replicates).Select(k => new ReplicateWork
        {
            ScenarioHash = key.ScenarioHash,
            ScenarioFiles = files,
            Parameters = key.Parameters,
            PosteriorContent = posterior,
            Replicate = k,
            Seed = scenario.ReplicateSeed(k),
            CodeVersion = ReplicateWork.CurrentCode,
        })];
    }

    /// <summary>How long the first calls may take before they are sent again: they wait for each silo to load the data.</summary>
    public static readonly TimeSpan FirstPatience = TimeSpan.FromMinutes(10);

    /// <summary>The least a call is given once others have finished (it is also at least four times the slowest of them).</summary>
    public static readonly TimeSpan LeastPatience = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="work"/> on the cluster behind <paramref name="grains"/>; <paramref name="progress"/> hears each finished replicate.</summary>
    public static async Task<IReadOnlyList<ReplicateResult>> RunAsync(IGrainFactory grains, IReadOnlyList<ReplicateWork> work, int inFlight, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(work);
        var results = new ReplicateResult[work.Count];
        var done = 0;
        var slowest = new Slowest();
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, inFlight), CancellationToken = cancellation }, async (k, cancel) =>
        {
            results[k] = ReplicateCodec.Decode(await Send(grains, work[k], slowest, cancel).ConfigureAwait(false));
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        return results;
    }

    private static async Task<byte[]> Send(IGrainFactory grains, ReplicateWork work, Slowest slowest, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                // A call whose silo died may never be answered (the silo that forwarded it does not track it), so
                // the coordinator stops waiting after a while and sends it again: if the first call's silo is alive
                // the second queues behind it on the same grain and gets the stored result; if not, the grain is
                // placed on a silo that is.
                var result = await grains.GetGrain<IReplicateGrain>(work.Key).RunAsync(work).WaitAsync(slowest.Patience, cancel).ConfigureAwait(false);
                slowest.Saw(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                return result;
            }
            catch (Exception e) when (attempt < Attempts && Transient(e))
            {
                // The membership protocol takes a moment to declare a dead silo dead before its grains go elsewhere.
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancel).ConfigureAwait(false);
            }
        }
    }

    // The longest call answered so far, for how long to wait for the next.
    private sealed class Slowest
    {
        private long _ticks;

        public TimeSpan Patience => Interlocked.Read(ref _ticks) is var t && t == 0 ? FirstPatience : TimeSpan.FromTicks(Math.Max(LeastPatience.Ticks, 4 * t));

        public void Saw(TimeSpan took)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref _ticks);
            }
            while (took.Ticks > seen && Interlocked.CompareExchange(ref _ticks, took.Ticks, seen) != seen);
        }
    }

    // Failures of the cluster, not of the work: Orleans' own (a silo unavailable, a message rejected or timed out).
    private static bool Transient(Exception e) => e is OrleansException or TimeoutException;

    private static string CommonFolder(IReadOnlyList<string> files)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(files[0]))!;
        while (!files.All(f => Path.GetFullPath(f).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        return folder;
    }
}
