using Paz.Core.Violence;
using Paz.Planning.Regions;
using Paz.Planning.Transition;

namespace Paz.Planning.Tests;

public class TransitionTests
{
    private static (Partition Partition, TransitionPlan Plan) Build(TransitionSettings settings, double police = 200)
    {
        var data = RealAtlas.Instance;
        var graph = RegionGraph.FromAtlas(data.Atlas, PlaceWeight.Parse("population").Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018));
        var partition = Regionalizer.Partition(graph, new RegionalizationSettings());
        var regions = RegionProfile.Of(partition, data.Atlas, data.Homicides.MunicipalMonthly, 2018);
        var strength = new PoliceStrength([.. Enumerable.Repeat(police, regions.Count)], "test: uniform");
        return (partition, TransitionPlanner.Plan(partition, regions, data.Atlas, data.Homicides.MunicipalMonthly, strength, settings));
    }

    [Fact]
    public void PhasesWidenInConcentricCirclesFromEachClustersCore()
    {
        var (partition, plan) = Build(new TransitionSettings(new YearMonth(2019, 6)));
        Assert.True(plan.Phases >= 2);
        var adjacency = partition.RegionAdjacency();
        bool Borders(int a, int b) => adjacency.Contains((Math.Min(a, b), Math.Max(a, b)));
        foreach (var x in plan.Regions.Where(x => x.Phase > 1))
        {
            Assert.Contains(plan.Regions, y => y.Cluster == x.Cluster && y.Phase == x.Phase - 1 && Borders(x.Region.Region, y.Region.Region));
        }

        foreach (var cluster in plan.Regions.Where(x => x.Cluster > 0).GroupBy(x => x.Cluster))
        {
            Assert.Single(cluster, x => x.Phase == 1);
        }
    }

    [Fact]
    public void OnlyRegionsMeetingEveryEntryConditionAreHandedOver()
    {
        var settings = new TransitionSettings(new YearMonth(2019, 6), MaximumRate: 15, MonthsBelow: 6);
        var (_, plan) = Build(settings);
        Assert.All(plan.Regions, x => Assert.Equal(x.Eligible, x.Phase is not null));
        Assert.All(plan.Regions.Where(x => x.Eligible), x => Assert.True(x.MonthsBelow >= 6));
        Assert.Contains(plan.Regions, x => !x.Eligible);
    }

    [Fact]
    public void TooFewPoliceKeepsTheMilitaryEverywhere()
    {
        var (_, plan) = Build(new TransitionSettings(new YearMonth(2019, 6), MinimumPolice: 150), police: 100);
        Assert.Equal(0, plan.Phases);
        Assert.All(plan.Regions, x => Assert.Contains("police 100 per 100,000, below 150", x.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void StricterConditionsHandOverFewerRegions()
    {
        var (_, loose) = Build(new TransitionSettings(new YearMonth(2019, 6), MaximumRate: 20, MonthsBelow: 3));
        var (_, strict) = Build(new TransitionSettings(new YearMonth(2019, 6), MaximumRate: 10, MonthsBelow: 12));
        Assert.True(strict.Regions.Count(x => x.Phase is not null) < loose.Regions.Count(x => x.Phase is not null));
    }

    [Fact]
    public void EachRegionHasItsOverlapBeforeTheMilitaryLeaves()
    {
        var settings = new TransitionSettings(new YearMonth(2019, 6), PhaseMonths: 4, OverlapMonths: 3);
        var (_, plan) = Build(settings);
        Assert.All(plan.Regions.Where(x => x.Phase is not null), x =>
        {
            Assert.Equal(settings.Start.AddMonths((x.Phase!.Value - 1) * 4), x.Start);
            Assert.Equal(x.Start!.Value.AddMonths(3), x.MilitaryExit);
        });
    }
}
