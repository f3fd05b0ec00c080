using Paz.Core.Organizations;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Recorded wars: pairs the record shows at war fight harder than the same pairs at peace, splinters on their parents' side.</summary>
public class RecordedWarsTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(TerritorialConflict.UnlistedPairConflict, 1)
        .With(TerritorialConflict.ConflictIntensity, 1e-2);

    // Synthetic: three organizations of the network, none listed as rivals, in two places, each its own state; the
    // record has A at war with B in 2016, in both states, and with C in 2017, in state 1 only.
    private static EngineInputs Inputs() => SmallWorld.Inputs(2) with
    {
        StateOf = [0, 1],
        States = 2,
        Network = new GroupNetwork([new("N1", "A", "Aguascalientes", "A"), new("N2", "B", "Aguascalientes", "B"), new("N3", "C", "Aguascalientes", "C")], [], []),
        RecordedWars = [new RecordedWar(2016, 0, 1, [0, 1]), new RecordedWar(2017, 0, 2, [1])],
    };

    // Conflict killings by place over 400 independent weeks; place 0 holds `first` against B, place 1 A against C.
    // Group 3, when used, is a splinter of A (past the network's three organizations).
    private static double[] Killings(Settings settings, int first, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var total = new double[2];
        for (var week = 0; week < 400; week++)
        {
            var world = SmallWorld.With(2, (first, 0, 400, 40, 1), (1, 0, 400, 40, 1), (0, 1, 400, 40, 1), (2, 1, 400, 40, 1));
            world.Groups = 4;
            world.Parent[3] = 0;
            var context = WeekContext.For(world, Inputs(), settings, random);
            new RecordedWars().Step(context);
            new TerritorialConflict().Step(context);
            total[0] += context.Homicides[0];
            total[1] += context.Homicides[1];
        }

        return total;
    }

    [Fact]
    public void AWarOnTheRecordMultipliesTheKillingBetweenItsSidesByOnePlusItsWeightAndNowhereElse()
    {
        var atWar = Quiet.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2);
        var war = Killings(atWar, first: 0, seed: 7);
        var peace = Killings(Quiet, first: 0, seed: 7);

        // Unlisted pairs weigh 1; A and B at war weigh 1 + 2: three times the killing where they meet.
        Assert.InRange(war[0] / peace[0], 2.7, 3.3);
        // A and C are not at war: their place kills as it did.
        Assert.InRange(war[1] / peace[1], 0.9, 1.1);
        Assert.True(peace[0] > 1000, $"killings in 400 weeks of peace: {peace[0]}");
    }

    [Fact]
    public void AWarIsFoughtOnlyInTheStatesTheRecordShowsItIn()
    {
        // 2017: A against C in state 1 (place 1), not in state 0 (place 0, where A meets B, at peace that year).
        var war = Killings(Quiet.With(RecordedWars.WarsOf, 2017).With(RecordedWars.WarRivalry, 2), first: 0, seed: 5);
        var peace = Killings(Quiet, first: 0, seed: 5);
        Assert.InRange(war[1] / peace[1], 2.7, 3.3);
        Assert.InRange(war[0] / peace[0], 0.9, 1.1);
    }

    [Fact]
    public void ASplinterFightsItsParentsWar()
    {
        var atWar = Quiet.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2);
        var war = Killings(atWar, first: 3, seed: 11);
        var peace = Killings(Quiet, first: 3, seed: 11);
        Assert.InRange(war[0] / peace[0], 2.7, 3.3);
    }

    [Fact]
    public void AWarOfWeightZeroKillsExactlyAsPeace()
    {
        var weightless = Killings(Quiet.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 0), first: 0, seed: 3);
        Assert.Equal(Killings(Quiet, first: 0, seed: 3), weightless);
    }

    // The world after the first week of 2017's wars (A against C in state 1), with 50 members to send where a side is absent.
    private static World AfterTheWarsOf2017Begin(params (int Group, int Place, int Members, int Middle, int Leaders)[] cells)
    {
        var world = SmallWorld.With(2, cells);
        world.Groups = 3;
        var context = WeekContext.For(world, Inputs(), Quiet.With(RecordedWars.WarsOf, 2017).With(RecordedWars.WarArrival, 50), new Xoshiro256StarStar(1));
        new RecordedWars().Step(context);
        world.ApplyEvents(context.Random, context.Detention);
        world.FinishCensus();
        return world;
    }

    [Fact]
    public void ASideTheRecordShowsAtWarInAStateWhereItHasNoMembersArrivesWhereItsEnemyIs()
    {
        // A holds place 0 (state 0); only C is in place 1 (state 1), where the record has them at war.
        var world = AfterTheWarsOf2017Begin((0, 0, 400, 40, 1), (2, 1, 400, 40, 1));
        Assert.Equal(50, world.FreeOf(0, 1));
        Assert.InRange(world.FreeOf(0, 0), 340, 350); // less a week's desistance

        // Where the side is already present, no one is sent.
        var present = AfterTheWarsOf2017Begin((0, 0, 400, 40, 1), (0, 1, 10, 0, 0), (2, 1, 400, 40, 1));
        Assert.Equal(10, present.FreeOf(0, 1));
        Assert.InRange(present.FreeOf(0, 0), 390, 400);
    }

    [Fact]
    public void ABacktestHoldsTheWarsOfItsOriginThroughTheYearsItForecasts()
    {
        var timeline = new Timeline([.. Enumerable.Range(2007, 12).Select(y => new PolicyPeriod(new DateOnly(y, 1, 1), Settings.Defaults.With(RecordedWars.WarsOf, y)))]);
        Assert.Equal(2010, RecordedHistory.Through(timeline, 2010).At(new DateOnly(2013, 6, 1)).Settings[RecordedWars.WarsOf]);
        Assert.Equal(2013, RecordedHistory.Through(timeline, 2014).At(new DateOnly(2013, 6, 1)).Settings[RecordedWars.WarsOf]);
    }
}
