using System.CommandLine;
using System.Globalization;
using System.Net;
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
    /// <summary><c>--cluster [PORTS]</c>: run the replicates on the silos whose gateways listen on these ports of this machine.</summary>
    public static Option<string?> Option() => new("--cluster")
    {
        Description = $"Run the replicates on a Paz cluster (paz cluster silo) instead of here: the gateway ports of its silos on this machine, comma-separated (default {ClusterHosting.DefaultGatewayPort}).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The gateway ports <c>--cluster</c> names, or null when it was not given.</summary>
    public static IReadOnlyList<int>? Gateways(ParseResult parsed, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.GetResult(option) is null)
        {
            return null;
        }

        var text = parsed.GetValue(option);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [ClusterHosting.DefaultGatewayPort];
        }

        return [.. text.Split(',').Select(p => int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"--cluster: '{p.Trim()}' is not a port; expected gateway ports such as 30000,30001"))];
    }

    /// <summary>Runs <paramref name="scenario"/>'s replicates on the cluster behind <paramref name="gateways"/>, with progress.</summary>
    public static EnsembleRun Run(CommandConsole console, PazDataSet data, AgentScenario scenario, string? posteriorPath, IReadOnlyList<int> gateways)
    {
        ArgumentNullException.ThrowIfNull(console);
        var prepared = EnsembleJob.Prepare(data, scenario);
        var work = ClusterEnsemble.WorkFor(scenario, posteriorPath);
        using var client = ClusterHosting.Client(gateways);
        try
        {
            client.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"--cluster: no silo answers on port {string.Join(", ", gateways)} of this machine ({e.Message}); start one with paz cluster silo");
        }

        var grains = (Orleans.IGrainFactory)client.Services.GetService(typeof(Orleans.IClusterClient))!;
        // Two calls in flight per core of this machine keep every silo busy without queueing the whole ensemble at once.
        var replicates = LongWork.Run(console, $"{scenario.Name} on the cluster ({scenario.Weeks} weeks)", "replicates", scenario.Replicates,
            progress => ClusterEnsemble.RunAsync(grains, work, 2 * Environment.ProcessorCount * gateways.Count, progress).GetAwaiter().GetResult());
        client.StopAsync().GetAwaiter().GetResult();
        return EnsembleJob.Gathered(prepared, replicates);
    }

    /// <summary>Creates <c>paz cluster</c>.</summary>
    public static Command Create(CommandConsole console)
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port the silos talk to each other on.", DefaultValueFactory = _ => ClusterHosting.DefaultSiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (paz run --cluster) connect to.", DefaultValueFactory = _ => ClusterHosting.DefaultGatewayPort };
        var primary = new Option<int?>("--primary") { Description = "Silo port of the first silo on this machine, for every silo after it (e.g. --primary 11111)." };
        var silo = new Command("silo", "Start a silo of Paz's cluster on this machine and serve replicates until stopped (Ctrl+C). The first silo is started without --primary; each further one with other ports and --primary naming the first's silo port.")
        {
            siloPort, gatewayPort, primary,
        };
        silo.SetAction(parsed =>
        {
            var data = parsed.GetValue(PazApp.DataOption)?.FullName;
            DataDirectory.Locate(data); // a silo without the data would fail every replicate sent to it: refuse to start instead
            var endpoints = new SiloEndpoints(parsed.GetValue(siloPort), parsed.GetValue(gatewayPort),
                parsed.GetValue(primary) is { } p ? new IPEndPoint(IPAddress.Loopback, p) : null, data);
            using var host = ClusterHosting.Silo(endpoints);
            host.Start();
            console.Output.WriteLine($"paz cluster: silo up on port {endpoints.SiloPort}, gateway {endpoints.GatewayPort}" + (endpoints.Primary is null ? " (primary)" : $", joined the primary at {endpoints.Primary}") + "; Ctrl+C stops it");
            host.WaitForShutdown();
            return PazApp.Ok;
        });
        return new Command("cluster", "Paz's Orleans cluster: silos that compute replicates for paz run --cluster.") { silo };
    }
}
