using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

public sealed class PairedDifferenceTests
{
    // One municipality, twelve months of 2021, the year's homicides spread over them (synthetic, not real data).
    private static ReplicateResult Run(int homicides) =>
        new(0, (2021 * 12) + 0, 12, [.. Enumerable.Range(0, 12).Select(m => m == 0 ? homicides : 0)], []);

    [Fact]
    public void SharedNoiseCancelsSoThePairedIntervalIsNarrowerThanTheBandsSuggest()
    {
        var noise = new[] { -300, 120, 40, 500, -80, 210, -150, 0 };
        var plan = noise.Select(n => Run(1000 + n)).ToList();
        var recommended = noise.Select(n => Run(900 + n)).ToList();
        var difference = PairedDifference.Of("recommended", recommended, "plan", plan, 2021);
        Assert.Equal(-100, difference.Difference.Mean, 1e-9);
        Assert.Equal(-100, difference.Difference.P5, 1e-9);
        Assert.Equal(-100, difference.Difference.P95, 1e-9); // each band spans 800, the difference none
        Assert.Equal(1.0, difference.ShareBelowZero);
        Assert.Equal(8, difference.Pairs);
    }

    [Fact]
    public void TheJeffreysIntervalHoldsTheEstimateAndNarrowsWithMoreReplicates()
    {
        var (low, high) = Proportion.Jeffreys90(3, 20);
        Assert.InRange(0.15, low, high);
        var (lowMore, highMore) = Proportion.Jeffreys90(30, 200);
        Assert.True(highMore - lowMore < high - low);
        Assert.Equal(0, Proportion.Jeffreys90(0, 8).Low);
        Assert.True(Proportion.Jeffreys90(0, 8).High is > 0.05 and < 0.4, "none of 8 does not prove impossibility");
    }
}
