using Paz.Cluster.Hosting;
using Paz.Cluster.Work;

namespace Paz.Cluster.Grains;

/// <summary>Computes its replicate on this silo's <see cref="ScenarioWorkshop"/> once, stores it, and serves it after.</summary>
internal sealed class ReplicateGrain(
    [PersistentState("replicate", ClusterNames.Storage)] IPersistentState<StoredReplicate> stored,
    ScenarioWorkshop workshop) : Grain, IReplicateGrain
{
    public async Task<byte[]> RunAsync(ReplicateWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"work {work.Key} sent to the grain of {this.GetPrimaryKeyString()}", nameof(work));
        }

        if (stored.State.Result is { } done)
        {
            return done;
        }

        var result = await workshop.RunAsync(work).ConfigureAwait(true);
        stored.State.Result = result;
        await stored.WriteStateAsync().ConfigureAwait(true);
        // The storage keeps the result; an activation holding a second copy of it for every replicate of a large
        // ensemble would only cost memory. A later call reactivates the grain and reads it back.
        DeactivateOnIdle();
        return result;
    }
}
