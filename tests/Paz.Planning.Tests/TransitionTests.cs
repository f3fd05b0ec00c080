using Paz.Core.Policing;
using Paz.Core.Violence;
using Paz.Planning.Regions;
using Paz.Planning.Transition;

namespace Paz.Planning.Tests;

public class TransitionTests
{
    private static (Partition Partition, TransitionPlan Plan) Build(TransitionSettings settings, double police = 200)
    {
        var data = RealAtlas.Instance;
        var (partition, regions) = Regions();
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

    [Fact]
    public void RealPoliceBindSomewhereAndNotEverywhere()
    {
        var data = RealAtlas.Instance;
        var (partition, regions) = Regions();
        var strength = PoliceStrength.Of(regions, data.Atlas, data.Police, 2018);
        var plan = TransitionPlanner.Plan(partition, regions, data.Atlas, data.Homicides.MunicipalMonthly, strength, new TransitionSettings(new YearMonth(2019, 6)));
        var short_ = plan.Regions.Where(x => x.Police < 180).ToList();
        Assert.NotEmpty(short_);
        Assert.True(short_.Count < plan.Regions.Count / 2, $"{short_.Count} of {plan.Regions.Count} regions short of police");
        Assert.All(short_, x => Assert.Contains("below 180", x.Reason, StringComparison.Ordinal));
        Assert.Contains(plan.Regions, x => x.Phase is not null);
    }

    [Fact]
    public void ARegionPassesWithItsPoliceAndFailsWithoutThem()
    {
        var data = RealAtlas.Instance;
        var (partition, regions) = Regions();
        var real = PoliceStrength.Of(regions, data.Atlas, data.Police, 2018);
        var loose = new TransitionSettings(new YearMonth(2019, 6), MinimumPolice: 0);
        var handed = TransitionPlanner.Plan(partition, regions, data.Atlas, data.Homicides.MunicipalMonthly, real, loose).Regions.First(x => x.Phase is not null);
        var settings = loose with { MinimumPolice = handed.Police - 1 };

        // The same region, its municipalities' own police gone: only the state's remain.
        var places = handed.Region.Places.ToHashSet();
        var municipal = data.Police.Municipal.Select((f, m) => places.Contains(m) ? f with { PerHundredThousand = 0 } : f).ToList();
        var states = data.Atlas.States.ToDictionary(s => s.Code, s => data.Police.State(s.Code));
        var without = PoliceStrength.Of(regions, data.Atlas, new PoliceForces(data.Atlas, municipal, states, "test: municipal police removed"), 2018);

        var passes = TransitionPlanner.Plan(partition, regions, data.Atlas, data.Homicides.MunicipalMonthly, real, settings).Regions[handed.Region.Region - 1];
        var fails = TransitionPlanner.Plan(partition, regions, data.Atlas, data.Homicides.MunicipalMonthly, without, settings).Regions[handed.Region.Region - 1];
        Assert.NotNull(passes.Phase);
        Assert.Null(fails.Phase);
        Assert.Contains("police", fails.Reason, StringComparison.Ordinal);
    }

    private static (Partition Partition, IReadOnlyList<RegionProfile> Regions) Regions()
    {
        var data = RealAtlas.Instance;
        var graph = RegionGraph.FromAtlas(data.Atlas, PlaceWeight.Parse("population").Of(data.Atlas, data.Homicides.MunicipalMonthly, 2018));
        var partition = Regionalizer.Partition(graph, new RegionalizationSettings());
        return (partition, RegionProfile.Of(partition, data.Atlas, data.Homicides.MunicipalMonthly, 2018));
    }
}
