using Paz.Core.Territory;

namespace Paz.Core.Tests.Territory;

public class AtlasTests
{
    private static Municipality M(string code, double population) =>
        new(new MunicipalityCode(code), code, new CensusPopulation([(2020, population)]), default, 1, null);

    private static readonly State[] States = [new(new StateCode("01"), "Uno", "Uno", "U"), new(new StateCode("02"), "Dos", "Dos", "D")];

    [Fact]
    public void NeighboursAreSymmetric()
    {
        var atlas = new Atlas(States, [M("01001", 10), M("01002", 20), M("02001", 30)],
            [new Adjacency(new("01001"), new("01002"), Contact.Border, 3), new Adjacency(new("01002"), new("02001"), Contact.Point, 0)]);
        Assert.Equal([new MunicipalityCode("01002")], atlas.Neighbours(new("01001")));
        Assert.Equal([new MunicipalityCode("01001"), new MunicipalityCode("02001")], atlas.Neighbours(new("01002")));
        Assert.True(atlas.Adjacencies[1].CrossesStateLine);
    }

    [Fact]
    public void SumsPopulationNationallyAndByState()
    {
        var atlas = new Atlas(States, [M("01001", 10), M("01002", 20), M("02001", 30)], []);
        Assert.Equal(60, atlas.Population(2020));
        Assert.Equal(30, atlas.Population(new StateCode("01"), 2020));
    }

    [Fact]
    public void FindsAStateByItsCodeOrByTheNumberFilesWriteWithoutTheLeadingZero()
    {
        var atlas = new Atlas([States[1], States[0]], [M("01001", 10), M("02001", 30)], []);
        Assert.Equal(1, atlas.StateIndexOf(new StateCode("02")));
        Assert.Equal(0, atlas.StateIndexOf(1));
        Assert.Equal("Dos", atlas.States[atlas.StateIndexOf(2)].Name);
        Assert.Throws<KeyNotFoundException>(() => atlas.StateIndexOf(new StateCode("03")));
        Assert.True(atlas.TryStateIndexOf(new StateCode("02"), out var two));
        Assert.Equal(1, two);
        Assert.False(atlas.TryStateIndexOf(new StateCode("03"), out _));
    }

    [Fact]
    public void RefusesAnAdjacencyToAnUnknownMunicipality()
    {
        var error = Assert.Throws<ArgumentException>(() => new Atlas(States, [M("01001", 10)],
            [new Adjacency(new("01001"), new("01009"), Contact.Border, 1)]));
        Assert.Contains("01009", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesADuplicateMunicipality()
    {
        Assert.Throws<ArgumentException>(() => new Atlas(States, [M("01001", 10), M("01001", 11)], []));
    }
}
