using BenchmarkDotNet.Attributes;
using Paz.Data;
using Paz.Planning.Regions;

namespace Paz.Benchmarks;

/// <summary>Issue 5's budget: regionalizing all 2,469 municipalities into 266 regions takes under 10 s.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RegionalizationBenchmarks
{
    private RegionGraph _population = null!;
    private RegionGraph _homicides = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = PazDataSet.Load(DataDirectory.Locate());
        _population = RegionGraph.FromAtlas(data.Atlas, PlaceWeight.Parse("population").Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018));
        _homicides = RegionGraph.FromAtlas(data.Atlas, PlaceWeight.Parse("homicides").Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018));
    }

    /// <summary>266 regions balancing 2018 population.</summary>
    [Benchmark]
    public int Population266() => Regionalizer.Partition(_population, new RegionalizationSettings()).Count;

    /// <summary>266 regions balancing 2018 homicides.</summary>
    [Benchmark]
    public int Homicides266() => Regionalizer.Partition(_homicides, new RegionalizationSettings()).Count;
}
