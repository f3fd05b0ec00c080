namespace Paz.Planning.Regions;

/// <summary>Balance of a partition's region weights.</summary>
/// <param name="Minimum">Lightest region.</param>
/// <param name="Median">Median region.</param>
/// <param name="Maximum">Heaviest region.</param>
/// <param name="Mean">Mean region weight, the target of the objective.</param>
public sealed record Balance(double Minimum, double Median, double Maximum, double Mean);

/// <summary>A partition of a graph's places into numbered regions (1..k).</summary>
public sealed class Partition
{
    /// <summary>Creates the partition from each place's region (1-based).</summary>
    public Partition(RegionGraph graph, int[] regionOf)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(regionOf);
        Graph = graph;
        RegionOf = regionOf;
        Count = regionOf.Length == 0 ? 0 : regionOf.Max();
        var members = Enumerable.Range(0, Count + 1).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < regionOf.Length; i++)
        {
            members[regionOf[i]].Add(i);
        }

        Members = [.. members.Skip(1).Select(m => (IReadOnlyList<int>)m)];
        Weights = [.. Members.Select(m => m.Sum(i => graph.Weights[i]))];
    }

    /// <summary>The graph partitioned.</summary>
    public RegionGraph Graph { get; }

    /// <summary>Region (1-based) of each place.</summary>
    public IReadOnlyList<int> RegionOf { get; }

    /// <summary>Number of regions.</summary>
    public int Count { get; }

    /// <summary>Places of region r at index r − 1.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Members { get; }

    /// <summary>Weight of region r at index r − 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>
    /// The objective the regionalizer minimizes: Σ_r (W_r / W̄ − 1)², the sum of squared relative
    /// deviations of region weights from the mean region weight W̄ = total / k. Zero is perfect balance.
    /// </summary>
    public double Objective
    {
        get
        {
            var mean = Weights.Sum() / Count;
            return mean == 0 ? 0 : Weights.Sum(w => Math.Pow((w / mean) - 1, 2));
        }
    }

    /// <summary>Minimum, median, maximum and mean of the region weights.</summary>
    public Balance Balance
    {
        get
        {
            var sorted = Weights.Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            return new Balance(sorted[0], median, sorted[^1], sorted.Average());
        }
    }

    /// <summary>Whether every region is connected through usable edges.</summary>
    public bool IsContiguous(bool crossGroups) => Members.All(m => Regionalizer.IsConnected(Graph, m, crossGroups, excluded: -1));

    /// <summary>Pairs of regions (lower number first) that share a border.</summary>
    public IReadOnlySet<(int A, int B)> RegionAdjacency()
    {
        var pairs = new HashSet<(int, int)>();
        for (var i = 0; i < Graph.Count; i++)
        {
            foreach (var j in Graph.Neighbours[i])
            {
                int a = RegionOf[i], b = RegionOf[j];
                if (a < b)
                {
                    pairs.Add((a, b));
                }
            }
        }

        return pairs;
    }
}
