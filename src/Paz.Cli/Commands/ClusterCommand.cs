using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paz.Cluster.Coordinator;
using Paz.Cluster.Hosting;
using Paz.Data;
using Paz.Runs.Execution;
using Paz.Simulation.Agents;

namespace Paz.Cli.Commands;

/// <summary><c>paz cluster silo</c>, and the <c>--cluster</c> option of the commands that send their replicates to one.</summary>
public static class ClusterCommand
{
    // Orleans' client keeps trying for minutes; a gateway that has not answered in this time is taken to be down.
    private static readonly TimeSpan GatewayPatience = TimeSpan.FromSeconds(20);

    /// <summary><c>--cluster [GATEWAYS]</c>: run the replicates on the silos behind these gateways.</summary>
    public static Option<string?> Option() => new("--cluster")
    {
        Description = $"Run the replicates on a Paz cluster (paz cluster silo) instead of here: its silos' gateways, comma-separated, each a port of this machine or HOST:PORT (default {ClusterHosting.DefaultGatewayPort}); or the PostgreSQL connection string of the database its silos register in (paz cluster silo --database), e.g. \"Host=10.0.0.1;Username=paz;Password=...;Database=paz_cluster\".",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Where <c>--cluster</c> finds the silos (gateways, or a database: a value with '='), or null when it was not given.</summary>
    public static ClusterLocation? Location(ParseResult parsed, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.GetResult(option) is null)
        {
            return null;
        }

        var text = parsed.GetValue(option);
        if (text is not null && text.Contains('=', StringComparison.Ordinal))
        {
            return new ClusterLocation([], Database(text, "--cluster"));
        }

        return new ClusterLocation(string.IsNullOrWhiteSpace(text)
            ? [new IPEndPoint(IPAddress.Loopback, ClusterHosting.DefaultGatewayPort)]
            : [.. text.Split(',').Select(g => Endpoint(g.Trim(), "--cluster"))]);
    }

    // A PostgreSQL connection string, refused here if it does not parse rather than by the first silo call.
    private static string Database(string text, string option)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(text);
            return text;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{option}: not a PostgreSQL connection string ({e.Message}); expected e.g. Host=10.0.0.1;Username=paz;Password=...;Database=paz_cluster");
        }
    }

    // A port of this machine, or HOST:PORT.
    private static IPEndPoint Endpoint(string text, string option)
    {
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? null : text[..colon];
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{option}: '{text}' is not a gateway; expected a port (30000) or HOST:PORT (10.0.0.2:30000)");
        }

        if (host is null)
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        var address = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"{option}: the host '{host}' has no IPv4 address");
        return new IPEndPoint(address, port);
    }

    /// <summary>Runs <paramref name="scenario"/>'s replicates on the cluster at <paramref name="location"/>, with progress.</summary>
    public static EnsembleRun Run(CommandConsole console, PazDataSet data, AgentScenario scenario, string? posteriorPath, ClusterLocation location)
    {
        ArgumentNullException.ThrowIfNull(console);
        var prepared = EnsembleJob.Prepare(data, scenario);
        var work = ClusterEnsemble.WorkFor(scenario, posteriorPath);
        using var connection = Connect(location);
        var replicates = LongWork.Run(console, $"{scenario.Name} on the cluster ({scenario.Weeks} weeks)", "replicates", scenario.Replicates,
            progress => ClusterEnsemble.RunAsync(connection.Grains, work, connection.InFlight, progress).GetAwaiter().GetResult());
        return EnsembleJob.Gathered(prepared, replicates);
    }

    /// <summary>A client connected to the cluster at <paramref name="location"/>: its grains and how many calls keep its silos busy.</summary>
    /// <exception cref="InvalidOperationException">No silo answers.</exception>
    public static ClusterConnection Connect(ClusterLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var client = ClusterHosting.Client(location);
        using var patience = new CancellationTokenSource(GatewayPatience);
        try
        {
            client.StartAsync(patience.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            client.Dispose();
            throw new InvalidOperationException($"--cluster: no silo answers at {location} ({(e is OperationCanceledException ? $"nothing in {GatewayPatience.TotalSeconds:0} s" : e.Message)}); start one with paz cluster silo");
        }

        var grains = client.Services.GetRequiredService<Orleans.IClusterClient>();
        var silos = location.Database is null
            ? location.Gateways.Count
            : Math.Max(1, grains.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetHosts(onlyActive: true).GetAwaiter().GetResult().Count);
        // Two calls in flight per silo for each core of this machine keep the silos busy without queueing the whole ensemble at once.
        return new ClusterConnection(client, grains, 2 * Environment.ProcessorCount * silos);
    }

    /// <summary>Creates <c>paz cluster</c>.</summary>
    public static Command Create(CommandConsole console)
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port the silos talk to each other on.", DefaultValueFactory = _ => ClusterHosting.DefaultSiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (paz run --cluster) connect to.", DefaultValueFactory = _ => ClusterHosting.DefaultGatewayPort };
        var primary = new Option<string?>("--primary") { Description = "The first silo's silo port (on this machine) or HOST:PORT (on another), for every silo after the first." };
        var address = new Option<string?>("--address") { Description = "This machine's address as the other machines reach it (a cluster of several machines); without it the cluster is this machine's alone." };
        var database = new Option<string?>("--database") { Description = "PostgreSQL connection string of an existing database the silos register in and keep computed replicates in (each silo creates the tables it needs; no --primary then: every silo names the same database), e.g. \"Host=10.0.0.1;Username=paz;Password=...;Database=paz_cluster\"." };
        var silo = new Command("silo", "Start a silo of Paz's cluster and serve replicates until stopped (Ctrl+C). The first silo is started without --primary; each further one with other ports (on the same machine) and --primary naming the first. With --database every silo names the same PostgreSQL database instead.")
        {
            siloPort, gatewayPort, primary, address, database,
        };
        silo.SetAction(parsed =>
        {
            var data = parsed.GetValue(PazApp.DataOption)?.FullName;
            DataDirectory.Locate(data); // a silo without the data would fail every replicate sent to it: refuse to start instead
            var own = parsed.GetValue(address) is { } a
                ? IPAddress.TryParse(a, out var ip) ? ip : throw new InvalidOperationException($"--address: '{a}' is not an IP address of this machine")
                : null;
            var db = parsed.GetValue(database) is { } d ? Database(d, "--database") : null;
            if (db is not null && parsed.GetValue(primary) is not null)
            {
                throw new InvalidOperationException("--primary and --database exclude each other: with a database every silo finds the others there");
            }

            var endpoints = new SiloEndpoints(parsed.GetValue(siloPort), parsed.GetValue(gatewayPort),
                parsed.GetValue(primary) is { } p ? Endpoint(p, "--primary") : null, data, own, db);
            if (db is not null)
            {
                ClusterDatabase.InstallAsync(db).GetAwaiter().GetResult();
            }

            using var host = ClusterHosting.Silo(endpoints);
            host.Start();
            var joined = db is not null ? $", registered in {ClusterDatabase.Describe(db)}"
                : endpoints.Primary is null ? " (primary)" : $", joined the primary at {endpoints.Primary}";
            console.Output.WriteLine($"paz cluster: silo up on {(own is null ? "this machine" : own.ToString())}, port {endpoints.SiloPort}, gateway {endpoints.GatewayPort}{joined}; Ctrl+C stops it");
            host.WaitForShutdown();
            return PazApp.Ok;
        });
        return new Command("cluster", "Paz's Orleans cluster: silos that compute replicates for paz run --cluster.") { silo };
    }
}

/// <summary>A started cluster client (<see cref="ClusterCommand.Connect"/>); disposing stops it.</summary>
/// <param name="Host">The client's host.</param>
/// <param name="Grains">Its grain factory.</param>
/// <param name="InFlight">Calls to keep in flight: two per silo for each core of this machine.</param>
public sealed record ClusterConnection(Microsoft.Extensions.Hosting.IHost Host, Orleans.IClusterClient Grains, int InFlight) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose()
    {
        Host.StopAsync().GetAwaiter().GetResult();
        Host.Dispose();
    }
}
