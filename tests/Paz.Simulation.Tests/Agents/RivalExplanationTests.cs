using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Rival explanations (b) market value and (c) exclusion move violence and recruitment where their evidence says, and only when held (synthetic worlds).</summary>
public class RivalExplanationTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(Expansion.Chance, 0)
        .With(TerritorialConflict.ConflictIntensity, 2e-3);

    // Two municipalities of 100,000 people in one state; the first richer (CONAPO score −1), the second poorer (+1). Synthetic.
    private static EngineInputs RichAndPoor() => SmallWorld.Inputs(2) with { Marginalization = [-1.0, 1.0] };

    private static double[] ConflictKillings(Explanation held) =>
        SmallWorld.ConflictKillingsByPlace(RichAndPoor(), Quiet.With(Explanations.InForce, (double)held).With(MarketValue.MarketElasticity, 1), () => new MarketValue(), 3);

    [Fact]
    public void UnderTheMarketExplanationGroupsFightHarderOverTheRicherPlaza()
    {
        var market = ConflictKillings(Explanation.Market);
        Assert.True(market[0] > 3 * market[1], $"richer {market[0]}, poorer {market[1]}"); // e^2 ≈ 7.4 at elasticity 1
        var without = ConflictKillings(Explanation.Fragmentation);
        Assert.InRange(without[0] / without[1], 0.85, 1.18);
    }

    [Fact]
    public void ThePlazaValuesAverageOneOverThePopulation()
    {
        var value = MarketValue.Value(RichAndPoor(), 1);
        Assert.Equal(1, (value[0] + value[1]) / 2, 12);
        Assert.Equal(Math.Exp(2), value[0] / value[1], 9);
    }

    private static Dictionary<int, double> RecruitsByPlace(Explanation held)
    {
        var inputs = RichAndPoor();
        var settings = Quiet.With(Explanations.InForce, (double)held).With(Exclusion.ExclusionElasticity, 1);
        var world = SmallWorld.With(2, (0, 0, 800, 80, 2), (0, 1, 800, 80, 0));
        var context = WeekContext.For(world, inputs, settings, new Xoshiro256StarStar(5));
        var exclusion = new Exclusion();
        var recruitment = new Recruitment();
        recruitment.Start(context);
        for (var week = 0; week < 52; week++)
        {
            exclusion.Step(context);
            recruitment.Step(context);
            world.Census();
            context.NextWeek();
        }

        return context.Metrics.Rows().Where(r => r.Metric == Recruitment.Recruits.Name && r.Level == MetricLevel.Municipality)
            .GroupBy(r => r.Place).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
    }

    [Fact]
    public void UnderTheExclusionExplanationThePoorerPlaceSuppliesMoreRecruits()
    {
        var excluded = RecruitsByPlace(Explanation.Exclusion);
        Assert.True(excluded[1] > 3 * excluded[0], $"poorer {excluded[1]}, richer {excluded[0]}");
        var without = RecruitsByPlace(Explanation.None);
        Assert.InRange(without[1] / without[0], 0.8, 1.25);
    }
}
