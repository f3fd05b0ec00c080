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
/// cluster of several machines that lives as long as its primary does. With <paramref name="Database"/>, the address
/// the silo registers under (null: loopback).
/// </param>
/// <param name="Database">
/// A PostgreSQL connection string: the silos register in that database and keep computed replicates there (Orleans'
/// ADO.NET clustering and grain storage; <see cref="ClusterDatabase"/>), so no silo is primary and stored results outlive
/// the silo that computed them. <paramref name="Primary"/> is then not used.
/// </param>
public sealed record SiloEndpoints(int SiloPort, int GatewayPort, IPEndPoint? Primary, string? DataDirectory, IPAddress? Address = null, string? Database = null);

/// <summary>How a client finds Paz's silos: their gateways, or the PostgreSQL database they register in.</summary>
/// <param name="Gateways">Gateways to connect to (empty when <paramref name="Database"/> is given).</param>
/// <param name="Database">The connection string of the cluster's database, or null.</param>
public sealed record ClusterLocation(IReadOnlyList<IPEndPoint> Gateways, string? Database = null)
{
    /// <summary>What a message names the cluster by (never a password).</summary>
    public override string ToString() => Database is { } database ? $"the silos registered in {ClusterDatabase.Describe(database)}" : string.Join(", ", Gateways);
}

/// <summary>Builds Paz's silos and the clients that send them work.</summary>
public static class ClusterHosting
{
    /// <summary>The first silo's ports (Orleans' own defaults).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The first silo's gateway port.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>How long a client waits for one replicate: a country replicate of ten years takes seconds to a minute under load.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What every Paz silo has, in a test cluster too: the workshop and the storage of computed replicates, in memory or,
    /// given a connection string, in the cluster's PostgreSQL database (installed first: <see cref="ClusterDatabase.InstallAsync"/>).
    /// </summary>
    public static ISiloBuilder AddPazGrains(this ISiloBuilder silo, string? dataDirectory, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (database is null)
        {
            silo.AddMemoryGrainStorage(ClusterNames.Storage);
        }
        else
        {
            silo.AddAdoNetGrainStorage(ClusterNames.Storage, o => (o.Invariant, o.ConnectionString) = (ClusterDatabase.Invariant, database));
        }

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

    /// <summary>A silo on this machine (not started; with a database, install it first: <see cref="ClusterDatabase.InstallAsync"/>).</summary>
    public static IHost Silo(SiloEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Host.CreateDefaultBuilder()
            // The silo's advice to turn on server GC is noise here: replicates allocate little once their world is built.
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error))
            .UseOrleans(silo =>
            {
                if (endpoints.Database is { } database)
                {
                    silo.ConfigureEndpoints(endpoints.Address ?? IPAddress.Loopback, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: endpoints.Address is not null)
                        .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterDatabase.Invariant, database))
                        .Configure<ClusterOptions>(ClusterNames.Apply);
                }
                else if (endpoints.Address is { } address)
                {
                    silo.ConfigureEndpoints(address, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true)
                        .UseDevelopmentClustering(endpoints.Primary ?? new IPEndPoint(address, endpoints.SiloPort))
                        .Configure<ClusterOptions>(ClusterNames.Apply);
                }
                else
                {
                    silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, endpoints.Primary, ClusterNames.ServiceId, ClusterNames.ClusterId);
                }

                silo.AddPazGrains(endpoints.DataDirectory, endpoints.Database);
            })
            .Build();
    }

    /// <summary>A client of the silos whose gateways are <paramref name="gateways"/> (not started).</summary>
    public static IHost Client(IReadOnlyList<IPEndPoint> gateways)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        return Client(new ClusterLocation(gateways));
    }

    /// <summary>A client of the silos at <paramref name="location"/> (not started).</summary>
    public static IHost Client(ClusterLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Host.CreateDefaultBuilder()
            // A gateway that cannot be reached is reported by the caller, in one line: not logged again with its stack.
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Critical))
            .UseOrleansClient(client =>
            {
                if (location.Database is { } database)
                {
                    client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterDatabase.Invariant, database));
                }
                else
                {
                    client.UseStaticClustering([.. location.Gateways]);
                }

                client.Configure<ClusterOptions>(ClusterNames.Apply);
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
