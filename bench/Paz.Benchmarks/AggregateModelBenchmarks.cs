using BenchmarkDotNet.Attributes;
using Paz.Data;
using Paz.Data.Groups;
using Paz.Simulation.Aggregate;

namespace Paz.Benchmarks;

/// <summary>
/// Issue 3's budget: the whole 2012-2021 run (520 weeks, 150 groups, weekly outputs) of the
/// Prieto-Curiel model takes under 20 ms. The authors' R implementation with deSolve takes about
/// 75 ms on this machine (figure given in the issue, not measured here).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class AggregateModelBenchmarks
{
    private PrietoCurielModel _model = null!;

    [GlobalSetup]
    public void Setup() => _model = new PrietoCurielModel(GroupNetworkLoader.Load(DataDirectory.Locate()));

    /// <summary>Ten years, January 2012 to January 2022.</summary>
    [Benchmark]
    public double TenYearRun() => _model.Run(PrietoCurielParameters.Published, 520).MembersAt(520);
}
