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

    // Synthetic (SmallWorld.AtWar): the record has A at war with B in 2016, in both states, and with C in 2017, in state 1 only.
    private static EngineInputs Inputs() => SmallWorld.AtWar(2, new RecordedWar(2016, 0, 1, [0, 1]), new RecordedWar(2017, 0, 2, [1]));

    // Conflict killings by place over 400 independent weeks; place 0 holds `first` against B, place 1 A against C.
    // Group 3, when used, is a splinter of A (past the network's three organizations).
    private static double[] Killings(Settings settings, int first, ulong seed) => Killings(settings, first, seed, Inputs());

    private static double[] Killings(Settings settings, int first, ulong seed, EngineInputs inputs)
    {
        var random = new Xoshiro256StarStar(seed);
        var total = new double[2];
        for (var week = 0; week < 400; week++)
        {
            var world = SmallWorld.With(2, (first, 0, 400, 40, 1), (1, 0, 400, 40, 1), (0, 1, 400, 40, 1), (2, 1, 400, 40, 1));
            world.Groups = 4;
            world.Parent[3] = 0;
            var context = WeekContext.For(world, inputs, settings, random);
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
    public void UnderTheBalanceExplanationAWarStillMultipliesTheKillingBetweenItsSidesByOnePlusItsWeight()
    {
        // Even sides: the balance's factor is one, so only the war's weight, counted pair by pair, moves the killing.
        var balanced = Quiet.With(Explanations.InForce, (double)(Explanation.Fragmentation | Explanation.Balance)).With(TerritorialConflict.Balance, 1);
        var war = Killings(balanced.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2), first: 0, seed: 7);
        var peace = Killings(balanced, first: 0, seed: 7);

        Assert.InRange(war[0] / peace[0], 2.7, 3.3);
        Assert.InRange(war[1] / peace[1], 0.9, 1.1);
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

    [Fact]
    public void AFrontFightsHardestAtItsPeakAgeAndLessInItsFirstMonthsAndLongAfter()
    {
        // A against B in 2016, in both states, the fighting begun in January 2016; a peak at 3 years.
        var settings = Quiet.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2).With(RecordedWars.WarPeakAge, 3).With(Explanations.InForce, (double)Explanation.Lifecycle);
        var peace = Killings(Quiet, first: 0, seed: 7);
        double AtWarOn(int year) => Killings(settings, first: 0, seed: 7, Inputs() with { Start = new DateOnly(year, 1, 1) })[0] / peace[0];

        var opening = AtWarOn(2016);
        var peak = AtWarOn(2019);
        var late = AtWarOn(2030);

        // Unlisted pairs weigh 1, the pair at war 1 + 2·g(age): g = 0.38 in the first week, 0.99 at 3 years, 0.10 at 14.
        Assert.InRange(opening, 1.77 * 0.9, 1.77 * 1.1);
        Assert.InRange(peak, 2.98 * 0.9, 2.98 * 1.1);
        Assert.InRange(late, 1.21 * 0.9, 1.21 * 1.1);
        Assert.True(peak > opening && peak > late, $"opening {opening:F2}, peak {peak:F2}, 14 years on {late:F2}");
    }

    [Fact]
    public void AnOldFrontOfAWarFightsLessThanTheSameWarsNewFront()
    {
        // 2016: A against B in both states; in state 1 the fighting began in 2008, in state 0 in 2014 (peak at 3 years).
        var inputs = Inputs() with { Start = new DateOnly(2016, 6, 1), RecordedWars = [new RecordedWar(2016, 0, 1, [0, 1], [2014, 2008])] };
        var settings = Quiet.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2).With(RecordedWars.WarPeakAge, 3).With(Explanations.InForce, (double)Explanation.Lifecycle);
        var random = new Xoshiro256StarStar(9);
        var killed = new double[2];
        for (var week = 0; week < 400; week++)
        {
            var world = SmallWorld.With(2, (0, 0, 400, 40, 1), (1, 0, 400, 40, 1), (0, 1, 400, 40, 1), (1, 1, 400, 40, 1));
            world.Groups = 2;
            var context = WeekContext.For(world, inputs, settings, random);
            new RecordedWars().Step(context);
            new TerritorialConflict().Step(context);
            killed[0] += context.Homicides[0];
            killed[1] += context.Homicides[1];
        }

        // g(2.4 years) = 0.96 against g(8.4) = 0.39: 1 + 2g is 2.92 against 1.78.
        Assert.InRange(killed[0] / killed[1], 2.92 / 1.78 * 0.9, 2.92 / 1.78 * 1.1);
    }

    [Fact]
    public void WithoutTheLifecycleExplanationEveryFrontFightsAtTheWarsFullWeight()
    {
        // The same first week of a front as above, at a peak of 3 years, the explanation not held: 1 + 2, as at its peak.
        var settings = Quiet.With(RecordedWars.WarsOf, 2016).With(RecordedWars.WarRivalry, 2).With(RecordedWars.WarPeakAge, 3);
        var ratio = Killings(settings, first: 0, seed: 7, Inputs() with { Start = new DateOnly(2016, 1, 1) })[0] / Killings(Quiet, first: 0, seed: 7)[0];
        Assert.InRange(ratio, 2.7, 3.3);
        Assert.Equal(1, RecordedWars.LifeCycle(20, 0));
        Assert.Equal(1, RecordedWars.LifeCycle(2.5, 3), 12);
    }

    // The world after the first week of 2017's wars (A against C in state 1), with 50 members to send where a side is
    // absent and 50 to form a side absent everywhere.
    private static World AfterTheWarsOf2017Begin(params (int Group, int Place, int Members, int Middle, int Leaders)[] cells) => AfterTheWarsOf2017Begin(50, Explanation.Emergence, cells);

    private static World AfterTheWarsOf2017Begin(int emergence, params (int Group, int Place, int Members, int Middle, int Leaders)[] cells) => AfterTheWarsOf2017Begin(emergence, Explanation.Emergence, cells);

    private static World AfterTheWarsOf2017Begin(int emergence, Explanation held, params (int Group, int Place, int Members, int Middle, int Leaders)[] cells)
    {
        var world = SmallWorld.With(2, cells);
        world.Groups = 3;
        var context = WeekContext.For(world, Inputs(), Quiet.With(RecordedWars.WarsOf, 2017).With(RecordedWars.WarArrival, 50).With(RecordedWars.WarEmergence, emergence).With(Explanations.InForce, (double)held), new Xoshiro256StarStar(1));
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
    public void AnOrganizationTheRecordShowsAtWarWithNoMembersAnywhereFormsAtTheFront()
    {
        // Only A is in the world (place 0, state 0); the record has A at war with C in state 1 in 2017: C, absent
        // everywhere, forms there with 50 members, a leader among them, and A sends 50 from its cell to meet it.
        var world = AfterTheWarsOf2017Begin((0, 0, 400, 40, 1));
        Assert.Equal(49, world.FreeOf(2, 1)); // its leader aside
        Assert.Equal(1, world.GroupLeaders[2]);
        Assert.Equal(0, world.FreeOf(2, 0));
        Assert.Equal(50, world.FreeOf(0, 1));

        // At war_emergence 0, or without the explanation emergence, it stays absent.
        Assert.Equal(0, AfterTheWarsOf2017Begin(0, (0, 0, 400, 40, 1)).FreeOf(2, 1));
        Assert.Equal(0, AfterTheWarsOf2017Begin(50, Explanation.None, (0, 0, 400, 40, 1)).FreeOf(2, 1));

        // An organization with members somewhere arrives from them instead of forming anew.
        var present = AfterTheWarsOf2017Begin((0, 0, 400, 40, 1), (2, 0, 400, 40, 1));
        Assert.Equal(50, present.FreeOf(2, 1));
        Assert.InRange(present.FreeOf(2, 0), 340, 350);
    }

    [Fact]
    public void ABacktestHoldsTheWarsOfItsOriginThroughTheYearsItForecasts()
    {
        var timeline = new Timeline([.. Enumerable.Range(2007, 12).Select(y => new PolicyPeriod(new DateOnly(y, 1, 1), Settings.Defaults.With(RecordedWars.WarsOf, y)))]);
        Assert.Equal(2010, RecordedHistory.Through(timeline, 2010).At(new DateOnly(2013, 6, 1)).Settings[RecordedWars.WarsOf]);
        Assert.Equal(2013, RecordedHistory.Through(timeline, 2014).At(new DateOnly(2013, 6, 1)).Settings[RecordedWars.WarsOf]);
    }
}
