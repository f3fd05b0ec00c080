using Paz.Simulation.Experiments;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The kingpin effect on the calibrated baseline: one capture against none, paired by seed. The places differ
/// from seed to seed (a different group may be the largest with its leaders), so the comparison is on the
/// logarithm of counts — the relative change the studies report — rather than on counts that span decades.
/// </summary>
public class KingpinTests
{
    private static readonly ulong[] Seeds = [301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312];

    private static readonly Lazy<KingpinResult> Result = new(() =>
        KingpinExperiment.Run(CalibratedBaseline.Engine, CalibratedBaseline.Scenario.Timeline, -1, 104, Seeds));

    [Fact]
    public void RemovingAGroupsLeadersRaisesHomicidesWhereTheyWereForSixMonths()
    {
        var pairs = Result.Value.Pairs;
        Paired.AssertLessWithMargin([.. pairs.Select(p => Math.Log(1 + p.Home6.Without))], [.. pairs.Select(p => Math.Log(1 + p.Home6.With))], "ln homicides where the leaders were, 6 months");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void RemovingAGroupsLeadersRaisesHomicidesNextDoorWhereTheGroupOperates()
    {
        var pairs = Result.Value.Pairs;
        Paired.AssertLessWithMargin([.. pairs.Select(p => Math.Log(1 + p.Neighbours6.Without))], [.. pairs.Select(p => Math.Log(1 + p.Neighbours6.With))], "ln homicides next door where the group operates, 6 months");
    }
}
