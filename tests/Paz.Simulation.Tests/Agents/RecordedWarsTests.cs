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

    // Synthetic: three organizations of the network, none listed as rivals.
    private static EngineInputs Inputs() => SmallWorld.Inputs(2) with
    {
        Network = new GroupNetwork([new("N1", "A", "Aguascalientes", "A"), new("N2", "B", "Aguascalientes", "B"), new("N3", "C", "Aguascalientes", "C")], [], []),
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
        var atWar = Quiet.With(RecordedWars.Wars, ["A vs B"]).With(RecordedWars.WarRivalry, 2);
        var war = Killings(atWar, first: 0, seed: 7);
        var peace = Killings(Quiet, first: 0, seed: 7);

        // Unlisted pairs weigh 1; A and B at war weigh 1 + 2: three times the killing where they meet.
        Assert.InRange(war[0] / peace[0], 2.7, 3.3);
        // A and C are not at war: their place kills as it did.
        Assert.InRange(war[1] / peace[1], 0.9, 1.1);
        Assert.True(peace[0] > 1000, $"killings in 400 weeks of peace: {peace[0]}");
    }

    [Fact]
    public void ASplinterFightsItsParentsWar()
    {
        var atWar = Quiet.With(RecordedWars.Wars, ["A vs B"]).With(RecordedWars.WarRivalry, 2);
        var war = Killings(atWar, first: 3, seed: 11);
        var peace = Killings(Quiet, first: 3, seed: 11);
        Assert.InRange(war[0] / peace[0], 2.7, 3.3);
    }

    [Fact]
    public void AWarOfWeightZeroKillsExactlyAsPeace()
    {
        var weightless = Killings(Quiet.With(RecordedWars.Wars, ["A vs B"]).With(RecordedWars.WarRivalry, 0), first: 0, seed: 3);
        Assert.Equal(Killings(Quiet, first: 0, seed: 3), weightless);
    }

    [Fact]
    public void ABacktestHoldsTheWarsOfItsOriginThroughTheYearsItForecasts()
    {
        var before = Settings.Defaults.With(RecordedWars.Wars, ["A vs B"]);
        var timeline = new Timeline([
            new PolicyPeriod(new DateOnly(2007, 1, 1), before),
            new PolicyPeriod(new DateOnly(2012, 1, 1), before.With(RecordedWars.Wars, ["A vs C"])),
        ]);
        var held = RecordedHistory.Through(timeline, 2010);
        Assert.Equal(["A vs B"], held.At(new DateOnly(2013, 6, 1)).Settings.Names(RecordedWars.Wars));
        Assert.Equal(["A vs C"], RecordedHistory.Through(timeline, 2012).At(new DateOnly(2013, 6, 1)).Settings.Names(RecordedWars.Wars));
    }
}
