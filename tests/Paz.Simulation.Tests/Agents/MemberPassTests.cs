using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The member pass counts most members from the cached counts of their run, without visiting them
/// (see <see cref="World.ApplyEvents"/>): its counts must be what a recount of every member gives.
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
    }
}
