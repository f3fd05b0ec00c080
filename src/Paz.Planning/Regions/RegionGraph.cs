using Paz.Core.Common;
using Paz.Core.Territory;

namespace Paz.Planning.Regions;

/// <summary>
/// What regionalization sees of a territory: places with a weight and a group (the state), and
/// who borders whom. Built from the atlas for real runs, or from any graph for property tests.
/// </summary>
public sealed class RegionGraph
{
    /// <summary>Creates the graph; edges are undirected pairs of place indices.</summary>
    public RegionGraph(IReadOnlyList<string> ids, IReadOnlyList<int> groups, IReadOnlyList<double> weights, IEnumerable<(int A, int B)> edges)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(edges);
        Check.Require(ids.Count == groups.Count && ids.Count == weights.Count, "ids, groups and weights must have one entry per place");
        Check.Require(weights.All(w => w >= 0 && double.IsFinite(w)), "weights must be finite and at least 0");
        Ids = ids;
        Groups = groups;
        Weights = weights;
        var lists = ids.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var (a, b) in edges)
        {
            Check.Require(a >= 0 && a < ids.Count && b >= 0 && b < ids.Count && a != b, $"edge {a}-{b} is not between two places of the graph");
            lists[a].Add(b);
            lists[b].Add(a);
        }

        Neighbours = [.. lists.Select(l => l.ToArray())];
    }

    /// <summary>Place identifiers (cve_mun for the atlas).</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Group of each place (the state); regions stay within a group unless crossing is allowed.</summary>
    public IReadOnlyList<int> Groups { get; }

    /// <summary>Weight of each place (population, homicides or a mix).</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Neighbours of each place, ascending.</summary>
    public IReadOnlyList<int[]> Neighbours { get; }

    /// <summary>Number of places.</summary>
    public int Count => Ids.Count;

    /// <summary>The atlas's municipalities as a graph, with the given weight per municipality (atlas order).</summary>
    public static RegionGraph FromAtlas(Atlas atlas, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        return new RegionGraph(
            [.. atlas.Municipalities.Select(m => m.Code.Value)],
            [.. atlas.Municipalities.Select(m => atlas.StateIndexOf(m.State))],
            weights,
            atlas.Adjacencies.Select(a => (atlas.IndexOf(a.A), atlas.IndexOf(a.B))));
    }

    /// <summary>Whether regions may use the edge between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public bool Usable(int a, int b, bool crossGroups) => crossGroups || Groups[a] == Groups[b];
}
