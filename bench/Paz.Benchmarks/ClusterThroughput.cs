using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paz.Cluster.Coordinator;
using Paz.Cluster.Hosting;
using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Runs.Execution;
using Paz.Simulation.Agents;

namespace Paz.Benchmarks;

/// <summary>
/// Issue 22's cluster figures: the same ensemble of the baseline 2015-2020 run here on two threads, then on one and on
/// two local silos, each a process of its own (this program started again as <c>cluster-silo</c>), and checked equal
/// byte for byte. Each silo is warmed up first (its data loaded, the scenario prepared) so the times compare the
/// replicates. The coordinator's overhead per replicate is what the one-silo run takes beyond the local run, in wall
/// time and in processor time (the silo's and the coordinator's against this process's); the two runs alternate for
/// a few rounds, because this machine's speed drifts by a fifth within minutes and one pair measured apart would carry
/// the drift as overhead.
/// <c>dotnet run -c Release --project bench/Paz.Benchmarks -- cluster-throughput [replicates] [rounds]</c>.
/// </summary>
public static class ClusterThroughput
{
    /// <summary>Runs the comparison and prints the figures.</summary>
    public static async Task Run(int replicates, int rounds = 3)
    {
        var folder = Directory.CreateTempSubdirectory("paz-cluster-bench-").FullName;
        var shipped = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var file = Path.Combine(folder, "baseline.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(shipped)).Replace("end: 2024-12", "end: 2020-12", StringComparison.Ordinal));
        var scenario = AgentScenarioReader.Read(file) with { Replicates = replicates };
        var warmUp = ClusterEnsemble.WorkFor(scenario with { Replicates = replicates + 2 }, null).Skip(replicates).ToList();
        var work = ClusterEnsemble.WorkFor(scenario, null);

        var prepared = EnsembleJob.Prepare(PazDataSet.Load(DataDirectory.Locate()), scenario);
        var engine = new CriminalMarketEngine(prepared.Inputs);
        Ensemble.Run(engine, prepared.Scenario with { Replicates = 2 }, 2); // warmed up as the silos are
        // The ensemble here, on the cores the silos use, encoded as a silo encodes it.
        List<byte[]> Here(ulong seed) => [.. Ensemble.Run(engine, prepared.Scenario with { Seed = seed }, 2).Select(Paz.Cluster.Work.ReplicateCodec.Encode)];
        List<byte[]> local = [];
        var localRun = await Measure([], () =>
        {
            local = Here(scenario.Seed);
            return Task.CompletedTask;
        });
        Console.WriteLine($"cluster throughput: {replicates} replicates of the baseline 2015-2020 ({scenario.Weeks} weeks)");
        Console.WriteLine($"  here, 2 threads : {localRun.Seconds,7:F1} s  {replicates / localRun.Seconds * 60,6:F1} replicates/min; a replicate's result {local.Average(r => r.Length) / 1024:F0} KB encoded");

        foreach (var silos in new[] { 1, 2 })
        {
            var ports = Enumerable.Range(0, silos).Select(s => (Silo: Loopback.FreePort(), Gateway: Loopback.FreePort())).ToList();
            var processes = ports.Select((p, s) => Process.Start(SiloProcess(p.Silo, p.Gateway, s == 0 ? 0 : ports[0].Silo))!).ToList();
            try
            {
                foreach (var process in processes)
                {
                    while (process.StandardOutput.ReadLine() is { } line && line != "up")
                    {
                        // the silo's own log lines until it says it has started
                    }

                    // Its pipes drained from here on, so that a silo that logs never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync();
                    _ = process.StandardError.ReadToEndAsync();
                }

                using var client = ClusterHosting.Client([.. ports.Select(p => p.Gateway)]);
                await client.StartAsync();
                var grains = client.Services.GetRequiredService<Orleans.IClusterClient>();
                // As many calls in flight as paz run --cluster keeps (ClusterCommand): two per core of each silo, so a
                // silo's next replicate is already queued when one finishes, and its cores do not wait for the round trip.
                var inFlight = 2 * Environment.ProcessorCount * silos;
                await ClusterEnsemble.RunAsync(grains, warmUp, inFlight);
                IReadOnlyList<Paz.Simulation.Agents.ReplicateResult> results = [];
                var cluster = await Measure(processes, async () => results = await ClusterEnsemble.RunAsync(grains, work, inFlight));
                var same = results.Select(Paz.Cluster.Work.ReplicateCodec.Encode).Zip(local).All(p => p.First.AsSpan().SequenceEqual(p.Second));
                Console.WriteLine($"  {silos} silo{(silos > 1 ? "s" : " ")}, processes: {cluster.Seconds,7:F1} s  {replicates / cluster.Seconds * 60,6:F1} replicates/min  {(same ? "identical to the local run" : "DIFFERENT from the local run")}");
                if (silos == 1)
                {
                    Console.WriteLine($"  coordinator overhead per replicate, one silo against here, {rounds} alternating round{(rounds == 1 ? string.Empty : "s")}:");
                    var shares = new List<(double Wall, double Processor)>();
                    for (var round = 1; round <= rounds; round++)
                    {
                        // Each round seeds of its own, so no round is served what an earlier one stored.
                        var seed = scenario.Seed + (ulong)round;
                        var h = await Measure([], () =>
                        {
                            _ = Here(seed);
                            return Task.CompletedTask;
                        });
                        var roundWork = ClusterEnsemble.WorkFor(scenario with { Seed = seed }, null);
                        var c = await Measure(processes, () => ClusterEnsemble.RunAsync(grains, roundWork, inFlight));
                        var perReplicate = h.Seconds * 2 / replicates; // a replicate's time on one of the two cores
                        var wall = (c.Seconds - h.Seconds) * 2 / replicates / perReplicate;
                        var processor = (c.Processor - h.Processor) / h.Processor;
                        shares.Add((wall, processor));
                        Console.WriteLine($"    round {round}: here {h.Seconds:F1} s, one silo {c.Seconds:F1} s: {(c.Seconds - h.Seconds) / replicates * 1000,4:F0} ms wall ({wall:P1} of a replicate's {perReplicate:F2} s); processor {h.Processor / replicates * 1000:F0} ms here, {c.Processor / replicates * 1000:F0} ms on the silo and the coordinator ({processor:P1}; the coordinator's own {c.Coordinator / replicates * 1000:F1} ms)");
                    }

                    Console.WriteLine($"    median: {Median(shares.Select(s => s.Wall)):P1} in wall time, {Median(shares.Select(s => s.Processor)):P1} in processor time");
                }

                await client.StopAsync();
            }
            finally
            {
                processes.ForEach(p => p.Kill(entireProcessTree: true));
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // Wall time, and the processor time of this process and of the silos' processes, while the job runs.
    private static async Task<Timing> Measure(IReadOnlyList<Process> silos, Func<Task> job)
    {
        static TimeSpan Processor(Process p)
        {
            p.Refresh();
            return p.TotalProcessorTime;
        }

        var me = Process.GetCurrentProcess();
        var (mine, theirs) = (Processor(me), silos.Sum(s => Processor(s).TotalSeconds));
        var clock = Stopwatch.StartNew();
        await job();
        var seconds = clock.Elapsed.TotalSeconds;
        var coordinator = (Processor(me) - mine).TotalSeconds;
        return new Timing(seconds, coordinator + silos.Sum(s => Processor(s).TotalSeconds) - theirs, coordinator);
    }

    // Seconds of wall time, of processor time in all (this process and the silos), and of this process alone.
    private sealed record Timing(double Seconds, double Processor, double Coordinator);

    // This program again, as a silo: through the dotnet host when run as a dll, else its own executable.
    private static ProcessStartInfo SiloProcess(int siloPort, int gatewayPort, int primary)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClusterThroughput).Assembly.Location);
        }

        foreach (var arg in new[] { "cluster-silo", $"{siloPort}", $"{gatewayPort}", $"{primary}" })
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>The silo process: starts, says "up", serves until killed.</summary>
    public static void Silo(int siloPort, int gatewayPort, int primary)
    {
        using var host = ClusterHosting.Silo(new SiloEndpoints(siloPort, gatewayPort, primary == 0 ? null : new IPEndPoint(IPAddress.Loopback, primary), null));
        host.Start();
        Console.WriteLine("up");
        host.WaitForShutdown();
    }

}
