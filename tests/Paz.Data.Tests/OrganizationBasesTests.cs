using Paz.Data.Groups;

namespace Paz.Data.Tests;

/// <summary>The transcribed bases name each organization's home state; a malformed row is refused with its file and line.</summary>
public class OrganizationBasesTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    private static readonly Lazy<Core.Organizations.GroupNetwork> Network = new(() => GroupNetworkLoader.Load(Data.Value.Source));

    private const string Header = "node,organization,cve_ent,state,base_city,source\n";

    private static string StateOf(IReadOnlyList<int[]> homes, string node) =>
        Data.Value.Atlas.States[homes[Network.Value.Groups.Select((g, i) => (g, i)).First(x => x.g.Node == node).i].Single()].Name;

    [Theory]
    [InlineData("N10013", "Sinaloa")]
    [InlineData("N10017", "Tamaulipas")]
    [InlineData("N10005", "Chihuahua")]
    [InlineData("N10007", "Baja California")]
    [InlineData("N10076", "Michoacán")]
    [InlineData("N10025", "Jalisco")]
    public void EachTranscribedOrganizationIsBasedInTheStateItsSourceNames(string node, string state)
    {
        var homes = OrganizationBases.Load(Data.Value.Source.OrganizationBases, Network.Value, Data.Value.Atlas);
        Assert.Equal(state, StateOf(homes, node));
        Assert.Equal(6, homes.Count(h => h.Length > 0)); // the rest of the network has no base on file
    }

    [Theory]
    [InlineData("N99999,Nobody,25,Sinaloa,,x\n", "a node of the network")]
    [InlineData("N10013,Cártel de Sinaloa,33,Nowhere,,x\n", "a state code of the atlas")]
    [InlineData("N10013,Cártel de Sinaloa,25,Sinaloa,,x\nN10013,Cártel de Sinaloa,25,Sinaloa,,x\n", "each organization and state once")]
    public void AnUnknownNodeOrStateOrARepeatedPairIsRefusedWithItsLine(string rows, string expected)
    {
        using var file = new BrokenFile("bases.csv", Header + rows);
        var error = Assert.Throws<DataFormatException>(() => OrganizationBases.Load(file.Path, Network.Value, Data.Value.Atlas));
        Assert.StartsWith($"{file.Path}:{error.Line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
