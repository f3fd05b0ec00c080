using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Each mechanism moves the way the report says, for reasons in the code (fixed seeds).</summary>
public class MechanismTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(Expansion.Chance, 0)
        .With(TerritorialConflict.ConflictIntensity, 2e-3)
        .With(TerritorialConflict.MemberShareOfConflictDeaths, 0.5);

    private static double ConflictKillingsPerWeek(int groups)
    {
        var total = 0L;
        const int weeks = 400;
        var random = new Xoshiro256StarStar(7);
        for (var t = 0; t < weeks; t++)
        {
            var world = SmallWorld.With(1, [.. Enumerable.Range(0, groups).Select(g => (g, 0, 400, 40, 1))]);
            var context = SmallWorld.Context(world, Quiet, random);
            new TerritorialConflict().Step(context);
            total += context.Homicides[0];
        }

        return (double)total / weeks;
    }

    [Fact]
    public void MoreContestingGroupsGiveMoreHomicidesAndConvexly()
    {
        var h = Enumerable.Range(1, 4).Select(ConflictKillingsPerWeek).ToArray();
        Assert.Equal(0, h[0]); // one group alone does not fight over the place
        var steps = h.Zip(h.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(steps, s => Assert.True(s > 0, string.Join(", ", h)));
        Assert.True(steps[1] > steps[0] * 1.5 && steps[2] > steps[1] * 1.2, $"increments {string.Join(", ", steps)} are not growing: not convex");
    }

    private static (int Killings, int Splits, int Leaders) Decapitate(bool removeLeaders, ulong seed)
    {
        var p = Quiet.With(Succession.SuccessionViolence, 0.2).With(Succession.SplitProbability, 0.05).With(WorldParameters.CrisisWeeks, 40);
        var world = SmallWorld.With(3, (0, 0, 300, 30, 3), (0, 1, 300, 30, 0), (0, 2, 300, 30, 0));
        var context = SmallWorld.Context(world, p, new Xoshiro256StarStar(seed));
        var succession = new Succession();
        for (var week = 0; week < 26; week++)
        {
            if (week == 0 && removeLeaders)
            {
                world.LeaderRemovals[0] = world.GroupLeaders[0];
            }

            succession.Step(context);
            world.ApplyEvents(context.Random, context.Detention);
            world.FinishCensus();
            context.NextWeek();
        }

        return (context.Homicides.Sum(), context.Splits, world.GroupLeaders[0]);
    }

    [Fact]
    public void RemovingLeadersButNotTheMiddleLayerBringsSuccessionViolenceOrASplit()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var control = Decapitate(removeLeaders: false, seed);
            var removed = Decapitate(removeLeaders: true, seed);
            Assert.Equal(0, control.Killings + control.Splits);
            Assert.True(removed.Killings > 0 || removed.Splits > 0, $"seed {seed}: no succession violence and no split after losing all leaders");
        }
    }

    private static int RecruitsAfterSweep(double middleRemoved)
    {
        // Detention that sticks (convictions), so the sweep's effect is not undone by releases.
        var p = Quiet.With(Succession.Promotion, 0.01).With(WorldParameters.PretrialWeeks, 104).With(WorldParameters.Conviction, 0.9);
        var world = SmallWorld.With(1, (0, 0, 1000, 100, 3));
        var context = SmallWorld.Context(world, p, new Xoshiro256StarStar(11));
        var succession = new Succession();
        var recruitment = new Recruitment();
        recruitment.Start(context);
        var recruits = 0;
        for (var week = 0; week < 52; week++)
        {
            if (week == 0)
            {
                world.MiddleRemovalShare[0] = middleRemoved;
            }

            succession.Step(context);
            world.ApplyEvents(context.Random, context.Detention);
            if (week > 0)
            {
                recruitment.Step(context);
                recruits += context.Recruits;
            }

            world.FinishCensus();
            context.NextWeek();
        }

        return recruits;
    }

    [Fact]
    public void RemovingMostOfTheMiddleLayerLowersRegeneration()
    {
        var intact = RecruitsAfterSweep(0);
        var swept = RecruitsAfterSweep(0.9);
        Assert.True(swept < intact * 0.6, $"recruits in a year: swept {swept}, intact {intact}");
    }

    [Fact]
    public void ALargerAtRiskPoolBringsMoreRecruitment()
    {
        // Two places with as many members, the first with twice the at-risk pool; recruits by place from the metrics.
        var world = SmallWorld.With(2, (0, 0, 800, 80, 2), (0, 1, 800, 80, 0));
        var context = SmallWorld.Context(world, Quiet, new Xoshiro256StarStar(5), pool: [2.0, 1.0]);
        var recruitment = new Recruitment();
        recruitment.Start(context);
        for (var week = 0; week < 52; week++)
        {
            recruitment.Step(context);
            world.Census();
            context.NextWeek();
        }

        var byPlace = context.Metrics.Rows().Where(r => r.Metric == Recruitment.Recruits.Name && r.Level == MetricLevel.Municipality)
            .GroupBy(r => r.Place).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        Assert.True(byPlace[0] > byPlace[1] * 1.3, $"recruits: {byPlace[0]} where the pool is twice as large, {byPlace[1]} elsewhere");
    }

    [Fact]
    public void ThePoolFollowsTheYoungMenProjectedForEachYear()
    {
        // Two like places; CONAPO (synthetic here) projects twice the young men in the first from 2016 on.
        var world = SmallWorld.With(2, (0, 0, 800, 80, 2), (0, 1, 800, 80, 0));
        double[][] youngMen = [.. Enumerable.Range(EngineInputs.FirstYoungMenYear, 9).Select(y => y >= 2016 ? new[] { 20_000.0, 10_000 } : [10_000.0, 10_000])];
        var inputs = SmallWorld.Inputs(2) with { YoungMenByYear = youngMen };
        var context = WeekContext.For(world, inputs, Quiet, new Xoshiro256StarStar(5));
        var recruitment = new Recruitment();
        recruitment.Start(context);
        for (var week = 0; week < 104; week++)
        {
            recruitment.Step(context);
            world.Census();
            context.NextWeek();
        }

        double Recruits(int place, int year) => context.Metrics.Rows().Where(r => r.Metric == Recruitment.Recruits.Name && r.Level == MetricLevel.Municipality && r.Place == place && r.Year == year).Sum(r => r.Value);
        Assert.Equal([1.0, 1.0], inputs.YoungMenGrowth(2015)!);
        Assert.Equal([2.0, 1.0], inputs.YoungMenGrowth(2016)!);
        Assert.True(Recruits(0, 2016) > 1.4 * Recruits(1, 2016), $"recruits in 2016: {Recruits(0, 2016)} where the young men doubled, {Recruits(1, 2016)} elsewhere");
        Assert.InRange(Recruits(0, 2015) / Recruits(1, 2015), 0.75, 1.33);
    }

    [Fact]
    public void PredationKillsInProportionToMembersPresent()
    {
        var world = SmallWorld.With(2, (0, 0, 1000, 100, 1), (0, 1, 100, 10, 0));
        var context = SmallWorld.Context(world, Quiet.With(Predation.Lethality, 0.01), new Xoshiro256StarStar(3));
        var predation = new Predation();
        for (var week = 0; week < 100; week++)
        {
            predation.Step(context);
        }

        var homicides = context.Homicides;

        Assert.InRange(homicides[0] / (double)homicides[1], 6, 15); // about 999 : 100 free members
    }
}

public class NonMemberHomicideTests
{
    private static EngineInputs TwoPlaces() => new(
        ["01001", "01002"], [0, 0], 1, [[1], [0]], 2015, [[100_000, 100_000]], [1, 1], [90, 10],
        new Core.Organizations.GroupNetwork([new("N1", "A", "Aguascalientes", "A")], [], []), [[0]], 0, new DateOnly(2015, 1, 1));

    [Fact]
    public void WithHistoryElasticityNonOrganizedHomicidesFollowThePlacesPastViolence()
    {
        var inputs = TwoPlaces();
        var flat = NonMemberHomicides.Propensity(inputs, 0);
        Assert.Equal(flat[0], flat[1]);
        var following = NonMemberHomicides.Propensity(inputs, 1);
        Assert.True(following[0] > 5 * following[1]);
        Assert.Equal(1.0, (following[0] + following[1]) / 2, 9); // the national level is unchanged
    }
}
