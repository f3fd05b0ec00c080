using CsCheck;
using Paz.Core.Randomness;
using Paz.Planning.Regions;

namespace Paz.Planning.Tests;

public class RegionalizerTests
{
    /// <summary>A random connected graph (spanning tree plus extra edges) with places in 1-4 groups (synthetic).</summary>
    private static RegionGraph RandomGraph(int n, int groups, int extraEdges, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var edges = new List<(int, int)>();
        for (var i = 1; i < n; i++)
        {
            edges.Add((random.NextInt(i), i));
        }

        for (var e = 0; e < extraEdges; e++)
        {
            int a = random.NextInt(n), b = random.NextInt(n);
            if (a != b)
            {
                edges.Add((a, b));
            }
        }

        return new RegionGraph(
            [.. Enumerable.Range(0, n).Select(i => $"P{i}")],
            [.. Enumerable.Range(0, n).Select(_ => random.NextInt(groups))],
            [.. Enumerable.Range(0, n).Select(_ => random.NextInt(4) == 0 ? 0.0 : random.NextInt(1000))],
            edges);
    }

    private static int PartsOf(RegionGraph g, bool cross) =>
        Enumerable.Range(0, g.Count).Select(i => i).Aggregate(
            (Seen: new HashSet<int>(), Parts: 0),
            (acc, s) =>
            {
                if (!acc.Seen.Add(s))
                {
                    return acc;
                }

                var stack = new Stack<int>([s]);
                while (stack.TryPop(out var x))
                {
                    foreach (var y in g.Neighbours[x].Where(y => g.Usable(x, y, cross) && acc.Seen.Add(y)))
                    {
                        stack.Push(y);
                    }
                }

                return (acc.Seen, acc.Parts + 1);
            }).Parts;

    private static void AssertValid(Partition p, int k, bool cross)
    {
        Assert.Equal(k, p.Count);
        Assert.Equal(p.Graph.Count, p.Members.Sum(m => m.Count));
        Assert.Equal(p.Graph.Count, p.Members.SelectMany(m => m).Distinct().Count());
        Assert.All(p.Members, m => Assert.NotEmpty(m));
        Assert.True(p.IsContiguous(cross), "a region is not contiguous");
        if (!cross)
        {
            Assert.All(p.Members, m => Assert.Single(m.Select(i => p.Graph.Groups[i]).Distinct()));
        }
    }

    [Fact]
    public void OnRandomConnectedGraphsEveryPlaceIsInOneOfExactlyKContiguousRegionsWithinItsGroup()
    {
        Gen.Select(Gen.Int[5, 70], Gen.Int[1, 4], Gen.Int[0, 40], Gen.ULong, Gen.Bool, Gen.Double[0, 1]).Sample((n, groups, extra, seed, cross, kFraction) =>
        {
            var graph = RandomGraph(n, groups, extra, seed);
            var parts = PartsOf(graph, cross);
            var k = parts + (int)Math.Floor(kFraction * (n - parts));
            var p = Regionalizer.Partition(graph, new RegionalizationSettings(k, cross, seed));
            AssertValid(p, k, cross);
        }, iter: 300);
    }

    [Fact]
    public void TheSameSeedGivesTheSamePartition()
    {
        Gen.Select(Gen.Int[5, 60], Gen.ULong).Sample((n, seed) =>
        {
            var graph = RandomGraph(n, 2, n / 2, seed);
            var k = PartsOf(graph, false) + 1;
            if (k > n)
            {
                return;
            }

            var settings = new RegionalizationSettings(k, false, seed);
            Assert.Equal(Regionalizer.Partition(graph, settings).RegionOf, Regionalizer.Partition(graph, settings).RegionOf);
        }, iter: 100);
    }

    [Fact]
    public void TooFewRegionsForTheGroupsIsRefused()
    {
        var graph = new RegionGraph(["a", "b", "c"], [0, 1, 2], [1, 1, 1], [(0, 1), (1, 2)]);
        var error = Assert.Throws<ArgumentException>(() => Regionalizer.Partition(graph, new RegionalizationSettings(2)));
        Assert.Contains("each need a region", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Regionalizer.Partition(graph, new RegionalizationSettings(2, CrossStateLines: true)).Count);
    }

    [Fact]
    public void LocalSearchImprovesOnGrowthAlone()
    {
        var graph = RandomGraph(300, 1, 300, 11);
        var grown = Regionalizer.Partition(graph, new RegionalizationSettings(20, Seed: 3, MaximumPasses: 0));
        var improved = Regionalizer.Partition(graph, new RegionalizationSettings(20, Seed: 3));
        Assert.True(improved.Objective < grown.Objective, $"{improved.Objective} vs {grown.Objective}");
    }

    [Theory]
    [InlineData("population")]
    [InlineData("homicides")]
    [InlineData("mix:0.5")]
    public void TheRealAtlasSplitsInto266ContiguousRegionsWithinStates(string weight)
    {
        var data = RealAtlas.Instance;
        var weights = PlaceWeight.Parse(weight).Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018);
        var graph = RegionGraph.FromAtlas(data.Atlas, weights);
        var p = Regionalizer.Partition(graph, new RegionalizationSettings());
        AssertValid(p, 266, cross: false);
        Assert.Equal(p.RegionOf, Regionalizer.Partition(graph, new RegionalizationSettings()).RegionOf);
    }

    [Fact]
    public void PopulationRegionsOnTheRealAtlasAreReasonablyBalanced()
    {
        var data = RealAtlas.Instance;
        var graph = RegionGraph.FromAtlas(data.Atlas, PlaceWeight.Parse("population").Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018));
        var balance = Regionalizer.Partition(graph, new RegionalizationSettings()).Balance;
        // Single municipalities larger than the mean region (Tijuana, Iztapalapa, ...) bound the maximum; the median should sit near the mean.
        Assert.InRange(balance.Median / balance.Mean, 0.7, 1.3);
    }
}
