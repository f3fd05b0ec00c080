using Paz.Planning.Deployment;
using Paz.Planning.Regions;

namespace Paz.Planning.Tests;

public class DeploymentTests
{
    private static readonly Lazy<IReadOnlyList<RegionProfile>> Regions = new(() =>
    {
        var data = RealAtlas.Instance;
        var graph = RegionGraph.FromAtlas(data.Atlas, PlaceWeight.Parse("population").Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018));
        var partition = Regionalizer.Partition(graph, new RegionalizationSettings());
        return RegionProfile.Of(partition, data.Atlas, data.Homicides.MunicipalMonthly, 2018);
    });

    [Fact]
    public void ThePublishedSplitGives59Low54Medium153HighInOrderOfRate()
    {
        var classes = Classifier.ByCounts(266).Classify(Regions.Value);
        Assert.Equal(59, classes.Count(c => c == InsecurityClass.Low));
        Assert.Equal(54, classes.Count(c => c == InsecurityClass.Medium));
        Assert.Equal(153, classes.Count(c => c == InsecurityClass.High));
        var highestLow = Regions.Value.Where((_, i) => classes[i] == InsecurityClass.Low).Max(r => r.Rate);
        var lowestHigh = Regions.Value.Where((_, i) => classes[i] == InsecurityClass.High).Min(r => r.Rate);
        Assert.True(highestLow <= lowestHigh);
        Assert.Equal(133_800, classes.Sum(new Contingents().Of)); // 59×300 + 54×450 + 153×600
    }

    [Fact]
    public void ThresholdsClassByRate()
    {
        var classes = Classifier.Thresholds(10, 30).Classify(Regions.Value);
        Assert.All(Regions.Value.Zip(classes), x => Assert.Equal(x.First.Rate >= 30 ? InsecurityClass.High : x.First.Rate >= 10 ? InsecurityClass.Medium : InsecurityClass.Low, x.Second));
    }

    [Theory]
    [InlineData(10_200)]
    [InlineData(50_000)]
    [InlineData(150_000)]
    public void TheOptimizingAllocationBeatsThe300450600RuleOnItsObjectiveForTheSameBudget(int budget)
    {
        var curve = new ResponseCurve();
        var classes = Classifier.ByCounts(266).Classify(Regions.Value);
        var rule = Allocator.Rule(Regions.Value, classes, new Contingents(), budget, curve);
        var optimized = Allocator.Optimized(Regions.Value, budget, curve);
        Assert.Equal(Math.Min(budget, 133_800), rule.Total);
        Assert.Equal(budget, optimized.Total);
        Assert.True(optimized.Averted > rule.Averted, $"optimized {optimized.Averted:0} vs rule {rule.Averted:0}");
    }

    [Fact]
    public void TheOptimizerPutsMorePersonnelWhereThereAreMoreHomicidesPerPerson()
    {
        var optimized = Allocator.Optimized(Regions.Value, 50_000, new ResponseCurve());
        var served = Regions.Value.Select((r, i) => (r, p: optimized.Personnel[i])).Where(x => x.p > 0).ToList();
        var densest = served.MaxBy(x => x.p / x.r.Population)!;
        var median = served.Select(x => x.r.Rate).Order().ElementAt(served.Count / 2);
        Assert.True(densest.r.Rate > median);
    }

    [Fact]
    public void PriorityRegionsAreTheSmallestSetHoldingTheShare()
    {
        var total = Regions.Value.Sum(r => r.Homicides);
        var priority = Allocator.Priority(Regions.Value, 0.35, 600, new ResponseCurve());
        Assert.True(priority.HomicidesCovered >= 0.35 * total);
        var smallestServed = Regions.Value.Where((_, i) => priority.Personnel[i] > 0).Min(r => r.Homicides);
        Assert.True(priority.HomicidesCovered - smallestServed < 0.35 * total, "a smaller set would do");
        Assert.Equal(600 * priority.RegionsServed, priority.Total);
    }

    [Fact]
    public void TheResponseCurveHasDiminishingReturns()
    {
        var curve = new ResponseCurve();
        var first = curve.Averted(500, 1_000_000, 300);
        var second = curve.Averted(1000, 1_000_000, 300) - first;
        Assert.True(first > second && second > 0);
        Assert.True(curve.Averted(1e9, 1_000_000, 300) <= 0.4 * 300 + 1e-9);
    }
}
