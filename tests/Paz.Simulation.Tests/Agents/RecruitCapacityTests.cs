using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The recruit capacity bounds what a place holds, however many groups share it (synthetic worlds).</summary>
public class RecruitCapacityTests
{
    // One place of 100,000 people; recruitment ρ = 0.01 and saturation ω = 1e-5: a lone group settles near
    // ρ/ω = 1,000 members, and without a capacity each of four groups does too.
    private static readonly Settings Growth = Settings.Defaults
        .With(Recruitment.Rate, 0.01)
        .With(Saturation.Rate, 1e-5);

    private static int MembersAfterTenYears(double capacity, params (int Group, int Place, int Members, int Middle, int Leaders)[] cells)
    {
        var world = SmallWorld.With(1, cells);
        var context = WeekContext.For(world, SmallWorld.Inputs(1), Growth.With(RecruitCapacity.Capacity, capacity), new Xoshiro256StarStar(11));
        IMechanism[] decide = [new RecruitCapacity(), new Saturation()];
        var recruitment = new Recruitment();
        recruitment.Start(context);
        for (var week = 0; week < 520; week++)
        {
            foreach (var mechanism in decide)
            {
                mechanism.Step(context);
            }

            // Keep each middle layer full, as succession's promotion does, so that recruitment never stalls.
            for (var g = 0; g < world.Groups; g++)
            {
                world.Promotions[g] = Math.Max(0, (0.1 * world.GroupMembers[g]) - world.GroupMiddle[g]);
            }

            world.ApplyEvents(context.Random, context.Detention);
            recruitment.Step(context);
            world.Census();
            context.NextWeek();
        }

        return world.ActiveCells.Sum(c => world.Free[c]);
    }

    private static readonly (int, int, int, int, int)[] OneGroup = [(0, 0, 400, 400, 0)];
    private static readonly (int, int, int, int, int)[] FourGroups = [(0, 0, 100, 100, 0), (1, 0, 100, 100, 0), (2, 0, 100, 100, 0), (3, 0, 100, 100, 0)];

    [Fact]
    public void WithoutACapacityFourGroupsHoldAboutFourTimesWhatOneGroupHolds()
    {
        var one = MembersAfterTenYears(0, OneGroup);
        var four = MembersAfterTenYears(0, FourGroups);
        Assert.InRange(one, 800, 1200);
        Assert.True(four > 3 * one, $"one group {one}, four groups {four}");
    }

    [Fact]
    public void UnderACapacityThePlaceHoldsNoMoreThanItsPoolWhateverTheNumberOfGroups()
    {
        // 10 members per 1,000 inhabitants: the place holds at most 1,000 members, all groups together.
        var one = MembersAfterTenYears(10, OneGroup);
        var four = MembersAfterTenYears(10, FourGroups);
        Assert.InRange(one, 350, 700);   // logistic: ρ(1 − M/1,000) = ωM, M ≈ 500
        Assert.InRange(four, 650, 1000); // ρ(1 − M/1,000) = ωM/4, M ≈ 800
        Assert.True(four < 2 * one, $"one group {one}, four groups {four}");
    }

    [Fact]
    public void TheHeadroomIsTheShareOfThePoolNotTakenAndAZeroCapacityPublishesNone()
    {
        var world = SmallWorld.With(1, OneGroup);
        var unbounded = WeekContext.For(world, SmallWorld.Inputs(1), Settings.Defaults, new Xoshiro256StarStar(1));
        new RecruitCapacity().Step(unbounded);
        Assert.Null(unbounded.RecruitHeadroom);

        var bounded = WeekContext.For(world, SmallWorld.Inputs(1), Settings.Defaults.With(RecruitCapacity.Capacity, 10), new Xoshiro256StarStar(1));
        new RecruitCapacity().Step(bounded);
        Assert.Equal(1 - (400 / 1000.0), bounded.RecruitHeadroom![0], 9);
    }
}
