using Paz.Data.Economy;

namespace Paz.Data.Tests;

/// <summary>The transcribed plaza sites and poppy states load whole and match data/markets/PROVENANCE.md; a bad row names file, line and expectation.</summary>
public class ShippedPlazaSiteTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    [Fact]
    public void TheSitesAreTheTwentyFiveCrossingsFourPortsAndSixRefineriesPROVENANCEStates()
    {
        var sites = PlazaSiteLoader.Load(Data.Value.Source, Data.Value.Atlas);
        Assert.Equal(25, sites.BorderCrossing.Count(x => x));
        Assert.Equal(4, sites.Port.Count(x => x));
        Assert.Equal(6, sites.Refinery.Count(x => x));

        // Every crossing is in one of the six border states.
        var atlas = Data.Value.Atlas;
        string[] border = ["02", "26", "08", "05", "19", "28"];
        Assert.All(Enumerable.Range(0, atlas.Municipalities.Count).Where(m => sites.BorderCrossing[m]), m => Assert.Contains(atlas.Municipalities[m].State.Value, border));
    }

    [Fact]
    public void PoppyIsGrownInGuerreroAndTheGoldenTriangleAndNayarit()
    {
        var atlas = Data.Value.Atlas;
        var sites = PlazaSiteLoader.Load(Data.Value.Source, atlas);
        var states = Enumerable.Range(0, atlas.Municipalities.Count).Where(m => sites.PoppyState[m]).Select(m => atlas.Municipalities[m].State.Value).Distinct().Order();
        Assert.Equal(["08", "10", "12", "18", "25"], states);
    }

    [Fact]
    public void AnUnknownKindOfSiteNamesTheFileTheLineAndTheKinds()
    {
        using var file = new BrokenFile("sites.csv", "cve_mun,site,name,source\n02004,border_crossing,Tijuana,x\n02004,airport,Tijuana,x\n");
        var error = Assert.Throws<DataFormatException>(() => PlazaSiteLoader.ReadSites(file.Path, Data.Value.Atlas));
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{file.Path}:3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("one of border_crossing, port, refinery", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStateNamedTwiceIsRefused()
    {
        using var file = new BrokenFile("poppy.csv", "cve_ent,state\n12,Guerrero\n12,Guerrero\n");
        var error = Assert.Throws<DataFormatException>(() => PlazaSiteLoader.ReadPoppyStates(file.Path, Data.Value.Atlas));
        Assert.Equal(3, error.Line);
        Assert.Contains("first at line 2", error.Message, StringComparison.Ordinal);
    }
}
