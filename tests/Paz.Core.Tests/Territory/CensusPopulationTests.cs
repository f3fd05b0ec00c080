using Paz.Core.Territory;

namespace Paz.Core.Tests.Territory;

public class CensusPopulationTests
{
    // Tijuana's counts (atlas, from INEGI): 2000, 2010, 2015, 2020.
    private static readonly CensusPopulation Tijuana = new([(2000, 1_210_820), (2010, 1_559_683), (2015, 1_641_570), (2020, 1_922_523)]);

    [Fact]
    public void EqualsTheCountInACensusYear()
    {
        Assert.Equal(1_641_570, Tijuana.In(2015)!.Value, 6);
        Assert.Equal(1_922_523, Tijuana.In(2020)!.Value, 6);
    }

    [Fact]
    public void GrowsGeometricallyBetweenCounts()
    {
        var p2018 = Tijuana.In(2018)!.Value;
        var expected = 1_641_570 * Math.Pow(1_922_523.0 / 1_641_570, 3.0 / 5);
        Assert.Equal(expected, p2018, 6);
        Assert.InRange(p2018, 1_641_570, 1_922_523);
    }

    [Fact]
    public void ExtendsTheNearestIntervalsGrowthPastTheLastCount()
    {
        var growth = Math.Pow(1_922_523.0 / 1_641_570, 1.0 / 5);
        Assert.Equal(1_922_523 * growth, Tijuana.In(2021)!.Value, 6);
    }

    [Fact]
    public void HasNoPopulationBeforeAMunicipalityFirstCount()
    {
        // Puerto Morelos (23011) appears first in the 2020 census.
        var puertoMorelos = new CensusPopulation([(2020, 26_921)]);
        Assert.Null(puertoMorelos.In(2018));
        Assert.Equal(26_921, puertoMorelos.In(2020)!.Value);
    }

    [Fact]
    public void RefusesAZeroCountOrARepeatedYear()
    {
        Assert.Throws<ArgumentException>(() => new CensusPopulation([(2010, 0)]));
        Assert.Throws<ArgumentException>(() => new CensusPopulation([(2010, 5), (2010, 6)]));
    }
}
