using Paz.Simulation.Experiments;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The kingpin effect on the calibrated baseline: one capture against none, paired by seed.</summary>
public class KingpinTests
{
    private static readonly ulong[] Seeds = [301, 302, 303, 304, 305, 306];

    private static readonly Lazy<KingpinResult> Result = new(() =>
        KingpinExperiment.Run(CalibratedBaseline.Engine, CalibratedBaseline.Scenario.Parameters, CalibratedBaseline.Scenario.Policy, -1, 104, Seeds));

    [Fact]
    public void RemovingAGroupsLeadersRaisesHomicidesWhereTheyWereForSixMonths()
    {
        var pairs = Result.Value.Pairs;
        Paired.AssertLessWithMargin([.. pairs.Select(p => (double)p.Home6.Without)], [.. pairs.Select(p => (double)p.Home6.With)], "homicides where the leaders were, 6 months");
    }

    [Fact]
    public void RemovingAGroupsLeadersRaisesHomicidesNextDoorWhereTheGroupOperates()
    {
        var pairs = Result.Value.Pairs;
        Paired.AssertLessWithMargin([.. pairs.Select(p => (double)p.Neighbours6.Without)], [.. pairs.Select(p => (double)p.Neighbours6.With)], "homicides next door where the group operates, 6 months");
    }
}
