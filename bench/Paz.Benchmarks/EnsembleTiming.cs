using System.Diagnostics;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;

namespace Paz.Benchmarks;

/// <summary>
/// Issue 4's ensemble budget: 100 replicates of the baseline under 2 minutes on 2 cores, and peak
/// memory per replicate under 300 MB; issue 22's: 1,000 replicates of the baseline 2015-2020 under 5 minutes on 2
/// cores (<c>ensemble 1000 2 2020</c>). Too long for BenchmarkDotNet's repetitions, so timed once with a
/// stopwatch: <c>dotnet run -c Release --project bench/Paz.Benchmarks -- ensemble [replicates] [threads] [last year]</c>.
/// </summary>
public static class EnsembleTiming
{
    /// <summary>Runs the timing and prints the figures.</summary>
    public static void Run(int replicates, int threads, int? through = null)
    {
        var data = PazDataSet.Load(DataDirectory.Locate());
        var scenario = AgentScenarioReader.Read(Path.Combine(Path.GetDirectoryName(data.Source.Root)!, "scenarios", "baseline.yaml")) with { Replicates = replicates };
        if (through is { } year)
        {
            scenario = scenario with { End = new DateOnly(year, 12, 1) };
        }

        var engine = new CriminalMarketEngine(EngineInputsBuilder.Build(data, scenario.Start));

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var single = Stopwatch.StartNew();
        var one = engine.Run(scenario.Timeline, scenario.Weeks, 1);
        single.Stop();
        var peakSingle = Process.GetCurrentProcess().PeakWorkingSet64;
        var agentWeeks = one.Weeks.Sum(w => (double)w.Members + w.Prisoners);
        Console.WriteLine($"one replicate ({scenario.Weeks} weeks): {single.Elapsed.TotalSeconds:0.00} s on one core; {agentWeeks / single.Elapsed.TotalSeconds / 1e6:0.0} million agent-updates/s; process peak working set {peakSingle / 1e6:0} MB (heap before {before / 1e6:0} MB)");

        var (paused, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var all = Stopwatch.StartNew();
        var results = Ensemble.Run(engine, scenario, threads);
        all.Stop();
        Console.WriteLine($"{results.Count} replicates on {threads} threads: {all.Elapsed.TotalSeconds:0.0} s; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB; " +
            $"the garbage collector paused the process {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.0} s ({GC.CollectionCount(2) - collections} full collections)");
    }
}
