using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Recorded breakaways: an organization leaves its parent on its recorded date, where the record lists it, and fights it.</summary>
public class BreakawayTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(Expansion.Chance, 0)
        .With(Succession.Promotion, 0)
        .With(TerritorialConflict.ConflictIntensity, 2e-3);

    // Synthetic: a parent (group 0, "A") holding 400 members in each of two places in two states; group 1 ("B") the
    // network knows but which starts inside A and is recorded breaking away in state 0 only.
    private static EngineInputs Inputs()
    {
        var small = SmallWorld.Inputs(2);
        return small with
        {
            StateOf = [0, 1],
            States = 2,
            Network = new Core.Organizations.GroupNetwork([new("N1", "A", "Aguascalientes", "A"), new("N2", "B", "Aguascalientes", "B")], [], []),
            Breakaways = [new Breakaway(Group: 1, Parent: 0, States: [0], Year: 2016)],
        };
    }

    // A year; the breakaway named from the first week when `recorded`. Conflict killings by place, B's members by place.
    private static (int[] Killings, int[] BreakawayMembers, double Rivalry) AYear(bool recorded, ulong seed)
    {
        var settings = recorded ? Quiet.With(Breakaways.Recorded, ["B"]) : Quiet;
        var world = SmallWorld.With(2, (0, 0, 400, 40, 3), (0, 1, 400, 40, 0));
        world.Groups = 2;
        var context = WeekContext.For(world, Inputs(), settings, new Xoshiro256StarStar(seed));
        IMechanism[] mechanisms = [new Breakaways(), new TerritorialConflict(), new Succession()];
        var killings = new int[2];
        for (var week = 0; week < 52; week++)
        {
            var before = context.Homicides.ToArray();
            foreach (var mechanism in mechanisms)
            {
                mechanism.Step(context);
            }

            killings[0] += context.Homicides[0] - before[0];
            killings[1] += context.Homicides[1] - before[1];
            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();
            context.NextWeek();
        }

        return (killings, [world.FreeOf(1, 0), world.FreeOf(1, 1)], world.RivalryOf(0, 1));
    }

    [Fact]
    public void ABreakawayTakesAboutHalfItsParentsMembersInItsRecordedStatesAndTheKillingRisesThereOnly()
    {
        int withThere = 0, withElsewhere = 0, withoutThere = 0;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var (killings, members, rivalry) = AYear(recorded: true, seed);
            Assert.InRange(members[0], 120, 280); // about half of the ~400 left after a year of fighting
            Assert.Equal(0, members[1]);           // not where the record does not list it
            Assert.True(rivalry >= 5, $"rivalry {rivalry}");
            withThere += killings[0];
            withElsewhere += killings[1];
            var (before, none, _) = AYear(recorded: false, seed);
            Assert.Equal([0, 0], none);
            withoutThere += before[0];
        }

        // One group alone in a place has no one to fight; after the breakaway the place is a contest.
        Assert.Equal(0, withoutThere);
        Assert.Equal(0, withElsewhere);
        Assert.True(withThere > 50, $"conflict killings in the breakaway's state in five seeds: {withThere}");
    }

    [Fact]
    public void ABreakawayTakesAboutHalfOfTheMembersOfTheSplintersItsParentThrewOffBeforeIt()
    {
        // A (group 0) has thrown off a splinter (group 2, past the network's two organizations) before B breaks away from
        // A in state 0: the organization B left held both, so about half of each follows B.
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var world = SmallWorld.With(2, (0, 0, 400, 40, 3), (2, 0, 400, 40, 3), (2, 1, 400, 40, 3));
            world.Groups = 3;
            world.Parent[2] = 0;
            var context = WeekContext.For(world, Inputs(), Quiet.With(Breakaways.Recorded, ["B"]), new Xoshiro256StarStar(seed));
            new Breakaways().Step(context);
            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();

            Assert.InRange(world.FreeOf(1, 0), 330, 470); // half of 800, not half of A's own 400
            Assert.Equal(0, world.FreeOf(1, 1));          // not where the record does not list it
            Assert.InRange(world.FreeOf(2, 0), 130, 270);
            Assert.InRange(world.FreeOf(2, 1), 390, 400); // less a week's desistance
        }
    }

    [Fact]
    public void AtMixingZeroEachPlazaGoesWholeToOneFactionAndBothFactionsHoldSome()
    {
        // Synthetic: A holds 400 members in each of four places of state 0, where B is recorded breaking away.
        var inputs = SmallWorld.Inputs(4) with
        {
            StateOf = [0, 0, 0, 0],
            States = 1,
            Network = new Core.Organizations.GroupNetwork([new("N1", "A", "Aguascalientes", "A"), new("N2", "B", "Aguascalientes", "B")], [], []),
            Breakaways = [new Breakaway(Group: 1, Parent: 0, States: [0], Year: 2016)],
        };
        int toBreakaway = 0, toParent = 0;
        for (ulong seed = 1; seed <= 6; seed++)
        {
            var world = SmallWorld.With(4, (0, 0, 400, 40, 1), (0, 1, 400, 40, 0), (0, 2, 400, 40, 0), (0, 3, 400, 40, 0));
            world.Groups = 2;
            var context = WeekContext.For(world, inputs, Quiet.With(Breakaways.Recorded, ["B"]).With(Breakaways.Mixing, 0).With(Explanations.InForce, (double)Explanation.Plazas), new Xoshiro256StarStar(seed));
            new Breakaways().Step(context);
            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();
            for (var place = 0; place < 4; place++)
            {
                var (parent, breakaway) = (world.FreeOf(0, place), world.FreeOf(1, place));
                Assert.True(parent == 0 || breakaway == 0, $"seed {seed}, place {place}: {parent} stayed and {breakaway} left");
                toBreakaway += breakaway > 0 ? 1 : 0;
                toParent += parent > 0 ? 1 : 0;
            }
        }

        Assert.InRange(toBreakaway, 6, 18); // a coin per plaza: 24 plazas over six seeds
        Assert.Equal(24, toBreakaway + toParent);
    }

    [Fact]
    public void PlazasThatChangeHandsWholeStartFewerKillingsThanFactionsMixedInEveryPlace()
    {
        int mixed = 0, whole = 0;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            mixed += FirstWeeksKillings(1, seed);
            whole += FirstWeeksKillings(0, seed);
        }

        // Mixed, the two factions face each other wherever they split; whole, each plaza is held by one of them.
        Assert.True(whole * 4 < mixed, $"conflict killings in the first four weeks, five seeds: whole plazas {whole}, mixed {mixed}");
    }

    // Conflict killings in the four weeks after B breaks away from A in state 0 at the given mixing (no expansion).
    private static int FirstWeeksKillings(double mixing, ulong seed)
    {
        var world = SmallWorld.With(2, (0, 0, 400, 40, 3), (0, 1, 400, 40, 0));
        world.Groups = 2;
        var inputs = Inputs() with { StateOf = [0, 0], States = 1 };
        var context = WeekContext.For(world, inputs, Quiet.With(Breakaways.Recorded, ["B"]).With(Breakaways.Mixing, mixing).With(Explanations.InForce, (double)Explanation.Plazas), new Xoshiro256StarStar(seed));
        IMechanism[] mechanisms = [new Breakaways(), new TerritorialConflict()];
        var killings = 0;
        for (var week = 0; week < 5; week++)
        {
            var before = context.Homicides.Sum();
            foreach (var mechanism in mechanisms)
            {
                mechanism.Step(context);
            }

            killings += week == 0 ? 0 : context.Homicides.Sum() - before; // the split is applied at the end of the first week
            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();
            context.NextWeek();
        }

        return killings;
    }

    [Fact]
    public void ABacktestSeesOnlyTheBreakawaysRecordedByItsOriginButKeepsThePolicyAfterIt()
    {
        var timeline = Timeline.Constant(Settings.Defaults)
            .Then(new DateOnly(2008, 1, 1), s => s.With(Breakaways.Recorded, ["Cártel de los Beltrán Leyva"]))
            .Then(new DateOnly(2010, 1, 1), s => s.With(Breakaways.Recorded, ["Cártel de los Beltrán Leyva", "Los Zetas"]).With(Targeting.LeaderRemovalsPerWeek, 0.2));
        var seen = RecordedHistory.Through(timeline, 2009);
        var later = seen.At(new DateOnly(2012, 6, 1)).Settings;
        Assert.Equal(["Cártel de los Beltrán Leyva"], later.Names(Breakaways.Recorded));
        Assert.Equal(0.2, later[Targeting.LeaderRemovalsPerWeek]);
        Assert.Equal(["Cártel de los Beltrán Leyva", "Los Zetas"], RecordedHistory.Through(timeline, 2010).At(new DateOnly(2012, 6, 1)).Settings.Names(Breakaways.Recorded));
    }
}
