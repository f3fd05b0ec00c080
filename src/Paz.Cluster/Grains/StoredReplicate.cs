namespace Paz.Cluster.Grains;

/// <summary>A replicate grain's persisted state: the encoded result once computed.</summary>
[GenerateSerializer]
public sealed class StoredReplicate
{
    /// <summary>The result (<see cref="Work.ReplicateCodec"/>), or null before it is computed.</summary>
    [Id(0)]
    public byte[]? Result { get; set; }
}
