using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Paz.Cluster.Grains;

namespace Paz.Cluster.Hosting;

/// <summary>Where a silo listens and whom it joins.</summary>
/// <param name="SiloPort">The port silos talk to each other on.</param>
/// <param name="GatewayPort">The port clients connect to.</param>
/// <param name="Primary">The primary silo's silo endpoint; null for the primary itself.</param>
/// <param name="DataDirectory">The data folder (null: found as <c>paz</c> finds it).</param>
/// <param name="Address">
/// The address other machines reach this one at; null for a cluster on this machine alone (Orleans' localhost
/// clustering). With an address the silos find each other through the primary (Orleans' development clustering): a
/// cluster of several machines that lives as long as its primary does.
/// </param>
public sealed record SiloEndpoints(int SiloPort, int GatewayPort, IPEndPoint? Primary, string? DataDirectory, IPAddress? Address = null);

/// <summary>Builds Paz's silos and the clients that send them work.</summary>
public static class ClusterHosting
{
    /// <summary>The first silo's ports (Orleans' own defaults).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The first silo's gateway port.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>How long a client waits for one replicate: a country replicate of ten years takes seconds to a minute under load.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(30);

    /// <summary>What every Paz silo has, in a test cluster too: the workshop and the storage of computed replicates.</summary>
    public static ISiloBuilder AddPazGrains(this ISiloBuilder silo, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(ClusterNames.Storage);
        silo.Services.AddSingleton(_ => new ScenarioWorkshop(dataDirectory));
        silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        return silo;
    }

    /// <summary>What every client of Paz's silos has, a test cluster's too: patience for a replicate's computation.</summary>
    public static IClientBuilder AddPazClient(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        return client;
    }

    /// <summary>A silo on this machine (not started).</summary>
    public static IHost Silo(SiloEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Host.CreateDefaultBuilder()
            // The silo's advice to turn on server GC is noise here: replicates allocate little once their world is built.
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error))
            .UseOrleans(silo =>
            {
                if (endpoints.Address is { } address)
                {
                    silo.ConfigureEndpoints(address, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true)
                        .UseDevelopmentClustering(endpoints.Primary ?? new IPEndPoint(address, endpoints.SiloPort))
                        .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterNames.ServiceId, ClusterNames.ClusterId));
                }
                else
                {
                    silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, endpoints.Primary, ClusterNames.ServiceId, ClusterNames.ClusterId);
                }

                silo.AddPazGrains(endpoints.DataDirectory);
            })
            .Build();
    }

    /// <summary>A client of the silos whose gateways are <paramref name="gateways"/> (not started).</summary>
    public static IHost Client(IReadOnlyList<IPEndPoint> gateways)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        return Host.CreateDefaultBuilder()
            // A gateway that cannot be reached is reported by the caller, in one line: not logged again with its stack.
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Critical))
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering([.. gateways])
                    .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterNames.ServiceId, ClusterNames.ClusterId));
                client.AddPazClient();
            })
            .Build();
    }

    /// <summary>A client of the silos whose gateways listen on <paramref name="gatewayPorts"/> of this machine (not started).</summary>
    public static IHost Client(IReadOnlyList<int> gatewayPorts)
    {
        ArgumentNullException.ThrowIfNull(gatewayPorts);
        return Client([.. gatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p))]);
    }
}
