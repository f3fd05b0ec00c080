using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The member pass counts most members from the cached counts of their run, without visiting them
/// (see <see cref="World.ApplyEvents"/>), and the census carries its lists by place and by group from week to week,
/// reading afresh only those whose cells changed: its counts and lists must be what a recount of every member gives.
/// </summary>
public class MemberPassTests
{
    [Theory]
    [InlineData(TargetingStrategy.HighValue)]
    [InlineData(TargetingStrategy.HighValue | TargetingStrategy.MiddleLayerSweep)]
    public void TheWeeklyCountsAreThoseOfARecountOfEveryMember(TargetingStrategy targeting)
    {
        // Forty weeks: three compactions, leader removals (and sweeps, installs), successions, splits and moves.
        var settings = Settings.Defaults.With(Succession.SplitProbability, 0.2).With(Expansion.Chance, 0.02)
            .With(Targeting.Strategy, targeting).With(Targeting.IntelligenceWeeks, 4);
        var checkedWeeks = 0;
        var run = CalibratedBaseline.Engine.Run(settings, 40, 8, (week, world) =>
        {
            if (week > 0)
            {
                AssertCountsMatchMembers(world);
                checkedWeeks++;
            }
        });
        var splits = run.Weeks[^1].Splits;
        var sweeps = run.Metrics!.Weekly(Targeting.SweepsDone.Name)![^1];
        Assert.Equal(39, checkedWeeks);
        Assert.True(splits > 0, "the run should exercise splits");
        Assert.Equal(targeting.HasFlag(TargetingStrategy.MiddleLayerSweep), sweeps > 0);
    }

    private static void AssertCountsMatchMembers(World world)
    {
        var free = new int[world.Cells];
        var middle = new int[world.Cells];
        var members = new int[world.Groups];
        var leaders = new int[world.Groups];
        var groupMiddle = new int[world.Groups];
        var foot = new int[world.Groups];
        var prisoners = 0;
        for (var i = 0; i < world.Count; i++)
        {
            if (world.Status[i] is MemberStatus.PretrialDetained or MemberStatus.Sentenced)
            {
                prisoners++;
            }

            if (world.Status[i] != MemberStatus.Free)
            {
                continue;
            }

            int g = world.Group[i], c = world.Cell[i];
            Assert.Equal(g, world.CellGroup[c]);
            Assert.Equal(world.Place[i], world.CellPlace[c]);
            members[g]++;
            switch (world.TierOf[i])
            {
                case Tier.Leader:
                    leaders[g]++;
                    continue;
                case Tier.MiddleLayer:
                    groupMiddle[g]++;
                    middle[c]++;
                    break;
                case Tier.FootSoldier:
                    foot[g]++;
                    break;
            }

            free[c]++;
        }

        Assert.Equal(free, world.Free.Take(world.Cells));
        Assert.Equal(middle, world.Middle.Take(world.Cells));
        Assert.Equal(members, world.GroupMembers.Take(world.Groups));
        Assert.Equal(leaders, world.GroupLeaders.Take(world.Groups));
        Assert.Equal(groupMiddle, world.GroupMiddle.Take(world.Groups));
        Assert.Equal(foot, world.GroupFoot.Take(world.Groups));
        Assert.Equal(prisoners, world.Prisoners);
        Assert.Equal(Enumerable.Range(0, world.Cells).Where(c => free[c] > 0), world.ActiveCells);
        AssertListsMatchCounts(world, free);
    }

    // The census's lists: each place's and each group's active cells in cell order, with their groups and free members,
    // and each place's free members in all.
    private static void AssertListsMatchCounts(World world, int[] free)
    {
        var active = Enumerable.Range(0, world.Cells).Where(c => free[c] > 0).ToArray();
        var byPlace = active.ToLookup(c => (int)world.CellPlace[c]);
        var totals = new double[world.MunicipalityCount];
        world.FreeByPlace(totals);
        for (var m = 0; m < world.MunicipalityCount; m++)
        {
            var here = byPlace[m].ToArray();
            Assert.Equal(here, world.CellsIn[m].ToArray());
            Assert.Equal(here.Select(c => (int)world.CellGroup[c]), world.GroupsIn[m].ToArray());
            Assert.Equal(here.Select(c => free[c]), world.FreeIn[m].ToArray());
            Assert.Equal(here.Sum(c => free[c]), totals[m]);
        }

        var byGroup = active.ToLookup(c => (int)world.CellGroup[c]);
        for (var g = 0; g < world.MaxGroups; g++)
        {
            Assert.Equal(byGroup[g], world.CellsOfGroup(g).ToArray());
        }
    }

    [Fact]
    public void FreeMembersByPlaceCountAMemberAddedAfterTheCensus()
    {
        var world = SmallWorld.With(3, (0, 0, 5, 1, 1), (1, 0, 3, 0, 0), (1, 2, 4, 0, 1));
        var totals = new double[3];
        world.FreeByPlace(totals);
        Assert.Equal([7.0, 0, 3], totals); // leaders are not free members of a cell

        world.Add(1, 1, Tier.FootSoldier, 20);
        world.FreeByPlace(totals);
        Assert.Equal([7.0, 1, 3], totals);
    }
}
