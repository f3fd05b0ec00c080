using Paz.Cluster.Work;

namespace Paz.Cluster.Grains;

/// <summary>
/// One unit of work: a replicate, keyed by <see cref="ReplicateWork.Key"/> (scenario hash, parameter set, seed, code
/// version). The same key always yields the same bytes, so the work is idempotent: a call that is repeated because a
/// silo died mid-way recomputes or returns the stored result, and the ensemble is unchanged.
/// </summary>
public interface IReplicateGrain : IGrainWithStringKey
{
    /// <summary>The replicate's result (<see cref="ReplicateCodec"/>), computed once and then served from storage.</summary>
    Task<byte[]> RunAsync(ReplicateWork work);
}
