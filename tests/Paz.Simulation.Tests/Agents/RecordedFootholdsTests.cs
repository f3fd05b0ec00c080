using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Recorded footholds: where the record lists an organization in a state it has no members in, local recruits form a foothold under its name.</summary>
public class RecordedFootholdsTests
{
    // Synthetic (SmallWorld.AtWar: three places, each its own state; organizations A, B, C): the record of 2018 lists
    // A in states 0 and 1, B in state 0, and C, which has no members anywhere, in state 2.
    private static EngineInputs Inputs() => SmallWorld.AtWar(3) with
    {
        RecordedPresence = new Dictionary<int, IReadOnlyList<int[]>> { [2018] = [[0, 1], [0], [2]] },
    };

    private static readonly Settings Recorded = Settings.Defaults.With(RecordedFootholds.PresenceOf, 2018).With(RecordedFootholds.Foothold, 100);

    private static Settings Holding(Settings settings) => settings.With(Explanations.InForce, (double)Explanation.Franchise);

    // A with 1,000 members in state 1 and B with 400 in state 0; C empty.
    private static World World() => SmallWorld.With(3, (0, 1, 1000, 100, 1), (1, 0, 400, 40, 1));

    private static World AfterSteps(Settings settings, int steps = 1)
    {
        var world = World();
        world.Groups = 3;
        var context = WeekContext.For(world, Inputs(), settings, new Xoshiro256StarStar(1));
        var footholds = new RecordedFootholds();
        for (var k = 0; k < steps; k++)
        {
            footholds.Step(context);
        }

        world.Census();
        return world;
    }

    [Fact]
    public void AnOrganizationTheRecordListsWhereItHasNoneGainsAFootholdThereWithAPlazaBoss()
    {
        var before = World();
        var world = AfterSteps(Holding(Recorded));
        Assert.Equal(100, world.FreeOf(0, 0)); // A joins in state 0, where B is
        Assert.Equal(before.FreeOf(0, 1), world.FreeOf(0, 1)); // A was in state 1 already: nobody joins there
        Assert.Equal(before.FreeOf(1, 0), world.FreeOf(1, 0)); // B was in state 0 already
        Assert.Equal(before.Count + 100, world.Count);
        var boss = Enumerable.Range(0, world.Count).Where(i => world.Group[i] == 0 && world.Place[i] == 0).Count(i => world.TierOf[i] == Tier.MiddleLayer);
        Assert.Equal(1, boss);
    }

    [Fact]
    public void AnOrganizationWithNoMembersAnywhereGainsNone() =>
        Assert.Equal(0, AfterSteps(Holding(Recorded)).FreeOf(2, 2));

    [Fact]
    public void FootholdsFormOnceForEachYearOfTheRecord() =>
        Assert.Equal(100, AfterSteps(Holding(Recorded), steps: 3).FreeOf(0, 0));

    [Fact]
    public void WithoutTheExplanationAtAFootholdOfZeroOrWithNoYearNobodyJoins()
    {
        var members = World().Count;
        Assert.Equal(members, AfterSteps(Recorded).Count);
        Assert.Equal(members, AfterSteps(Holding(Recorded.With(RecordedFootholds.Foothold, 0))).Count);
        Assert.Equal(members, AfterSteps(Holding(Recorded.With(RecordedFootholds.PresenceOf, 0))).Count);
        Assert.Equal(members, AfterSteps(Holding(Recorded.With(RecordedFootholds.PresenceOf, 2017))).Count); // a year the record does not hold
    }

    [Fact]
    public void AFootholdWhereARivalHoldsThePlaceBringsKillingsWhereThereWereNone()
    {
        // B alone in state 0 kills no rival there; once A's foothold forms, the two contest it.
        double KillingsInStateZero(Settings settings)
        {
            var random = new Xoshiro256StarStar(7);
            var killings = 0.0;
            for (var week = 0; week < 200; week++)
            {
                var world = World();
                world.Groups = 3;
                var context = WeekContext.For(world, Inputs(), settings, random);
                new RecordedFootholds().Step(context);
                world.Census();
                new TerritorialConflict().Step(context);
                killings += context.Homicides[0];
            }

            return killings;
        }

        Assert.Equal(0, KillingsInStateZero(Recorded));
        Assert.True(KillingsInStateZero(Holding(Recorded)) > 5); // 16 over the 200 weeks at the default intensities
    }
}
