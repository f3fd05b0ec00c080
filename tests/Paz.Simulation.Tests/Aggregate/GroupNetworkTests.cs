namespace Paz.Simulation.Tests.Aggregate;

public class GroupNetworkTests
{
    [Fact]
    public void RivalriesAndAlliancesAreSymmetricWithTheLargestListedWeight()
    {
        var network = PublishedNetwork.Instance;
        Assert.Equal(150, network.Count);
        for (var a = 0; a < network.Count; a++)
        {
            Assert.Equal(0, network.Rivalry(a, a));
            for (var b = 0; b < network.Count; b++)
            {
                Assert.Equal(network.Rivalry(a, b), network.Rivalry(b, a));
                Assert.Equal(network.Alliance(a, b), network.Alliance(b, a));
            }
        }

        // Rivals file: CJNG (N10025) and La Nueva Familia Michoacana (N10076), weight 13 both ways.
        var cjng = IndexOf("N10025");
        var familia = IndexOf("N10076");
        Assert.Equal(13, network.Rivalry(cjng, familia));
    }

    [Fact]
    public void ATieListedInOneDirectionOnlyCountsForBothGroups()
    {
        var groups = new Core.Organizations.CriminalGroup[] { new("N1", "A", "S", "A"), new("N2", "B", "S", "B"), new("N3", "C", "S", "C") };
        var network = new Core.Organizations.GroupNetwork(groups, [new(0, 1, 2), new(1, 0, 5)], [new(2, 0, 3)]);
        Assert.Equal(5, network.Rivalry(0, 1));
        Assert.Equal(5, network.Rivalry(1, 0));
        Assert.Equal(3, network.Alliance(0, 2));
        Assert.Equal([0, 1, 2], network.StrengthOrder); // strengths 8, 5, 3
    }

    [Fact]
    public void GroupsAreOrderedByStrengthWithTiesInNodesFileOrder()
    {
        var network = PublishedNetwork.Instance;
        var strengths = network.StrengthOrder.Select(network.Strength).ToList();
        Assert.Equal(strengths.OrderDescending(), strengths);
        Assert.Equal(22, strengths.Distinct().Count());
        Assert.Equal(36, strengths.Count(s => s == 0));
        Assert.Equal("CJNG", network.Groups[network.StrengthOrder[0]].ShortName);
        for (var k = 1; k < network.Count; k++)
        {
            if (strengths[k] == strengths[k - 1])
            {
                Assert.True(network.StrengthOrder[k] > network.StrengthOrder[k - 1], $"tie at rank {k} not in file order");
            }
        }
    }

    private static int IndexOf(string node) =>
        PublishedNetwork.Instance.Groups.Select((g, i) => (g, i)).Single(x => x.g.Node == node).i;
}
