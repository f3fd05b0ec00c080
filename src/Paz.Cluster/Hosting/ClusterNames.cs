namespace Paz.Cluster.Hosting;

/// <summary>Names the silos and their clients agree on.</summary>
public static class ClusterNames
{
    /// <summary>The grain storage that keeps computed replicates.</summary>
    public const string Storage = "replicates";

    /// <summary>The Orleans service id of Paz's cluster.</summary>
    public const string ServiceId = "paz";

    /// <summary>The Orleans cluster id of Paz's cluster.</summary>
    public const string ClusterId = "paz";

    /// <summary>Gives a silo's or a client's options Paz's service and cluster ids.</summary>
    public static void Apply(Orleans.Configuration.ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (options.ServiceId, options.ClusterId) = (ServiceId, ClusterId);
    }
}
