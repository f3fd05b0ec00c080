using BenchmarkDotNet.Attributes;
using Paz.Data;

namespace Paz.Benchmarks;

/// <summary>
/// Issue 2's budget: loading the whole atlas (states, municipalities, adjacency, both boundary
/// files) and every homicide series takes under 2 s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class DataLoadBenchmarks
{
    private DataDirectory _data = null!;

    [GlobalSetup]
    public void Setup() => _data = DataDirectory.Locate();

    /// <summary>Everything <c>paz atlas</c> reads.</summary>
    [Benchmark]
    public PazDataSet LoadAtlasAndAllSeries() => PazDataSet.Load(_data);
}
