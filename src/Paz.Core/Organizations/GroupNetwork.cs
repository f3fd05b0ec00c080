using Paz.Core.Common;

namespace Paz.Core.Organizations;

/// <summary>
/// The criminal groups with their rivalries and alliances as two undirected, weighted networks.
/// Sources list some ties once, some in both directions and a few with different weights per
/// direction; a pair's weight is the largest weight listed for it in either direction, as in
/// Prieto-Curiel, Campedelli &amp; Hope (2023).
/// </summary>
public sealed class GroupNetwork
{
    private readonly double[] _rivalry;
    private readonly double[] _alliance;
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);

    /// <summary>Builds the networks from listed ties over <paramref name="groups"/>.</summary>
    /// <exception cref="ArgumentException">A tie names a group outside the list, links a group to itself, or has a negative weight.</exception>
    public GroupNetwork(IReadOnlyList<CriminalGroup> groups, IEnumerable<GroupTie> rivalries, IEnumerable<GroupTie> alliances)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups;
        for (var g = 0; g < groups.Count; g++)
        {
            _nodeIndex.TryAdd(groups[g].Node, g);
        }

        _rivalry = Symmetric(groups.Count, rivalries, "rivalry");
        _alliance = Symmetric(groups.Count, alliances, "alliance");
        RivalryStrength = [.. Enumerable.Range(0, Count).Select(i => RowSum(_rivalry, i))];
        AllianceStrength = [.. Enumerable.Range(0, Count).Select(i => RowSum(_alliance, i))];

        // OrderBy is a stable sort: ties keep the order of the groups list (the nodes file).
        StrengthOrder = [.. Enumerable.Range(0, Count).OrderByDescending(i => RivalryStrength[i] + AllianceStrength[i])];
    }

    /// <summary>The groups, in source order.</summary>
    public IReadOnlyList<CriminalGroup> Groups { get; }

    /// <summary>Number of groups.</summary>
    public int Count => Groups.Count;

    /// <summary>Sum of each group's rivalry weights.</summary>
    public IReadOnlyList<double> RivalryStrength { get; }

    /// <summary>Sum of each group's alliance weights.</summary>
    public IReadOnlyList<double> AllianceStrength { get; }

    /// <summary>Group indices by total strength (rivalry plus alliance), strongest first; ties in source order.</summary>
    public IReadOnlyList<int> StrengthOrder { get; }

    /// <summary>Total strength of a group.</summary>
    public double Strength(int group) => RivalryStrength[group] + AllianceStrength[group];

    /// <summary>The rivalry weight between two groups (symmetric).</summary>
    public double Rivalry(int a, int b) => _rivalry[(a * Count) + b];

    /// <summary>The alliance weight between two groups (symmetric).</summary>
    public double Alliance(int a, int b) => _alliance[(a * Count) + b];

    private static double[] Symmetric(int n, IEnumerable<GroupTie> ties, string kind)
    {
        ArgumentNullException.ThrowIfNull(ties);
        var w = new double[n * n];
        foreach (var (from, to, weight) in ties)
        {
            Check.Require(from >= 0 && from < n && to >= 0 && to < n, $"{kind} tie {from}-{to} names a group outside the network");
            Check.Require(from != to, $"{kind} tie links group {from} to itself");
            Check.Require(weight >= 0 && double.IsFinite(weight), $"{kind} tie {from}-{to} has weight {weight}; weights are at least 0");
            w[(from * n) + to] = Math.Max(w[(from * n) + to], weight);
            w[(to * n) + from] = Math.Max(w[(to * n) + from], weight);
        }

        return w;
    }

    private double RowSum(double[] w, int row)
    {
        var sum = 0.0;
        for (var j = 0; j < Count; j++)
        {
            sum += w[(row * Count) + j];
        }

        return sum;
    }

    /// <summary>The index of the group whose node id (BACRIM's "N10013") is <paramref name="node"/>.</summary>
    /// <exception cref="KeyNotFoundException">No group has that node id.</exception>
    public int IndexOfNode(string node) =>
        TryIndexOfNode(node, out var index) ? index : throw new KeyNotFoundException($"no group of the network has the node id '{node}'");

    /// <summary>Whether a group has the node id <paramref name="node"/>, and its index.</summary>
    public bool TryIndexOfNode(string node, out int index)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _nodeIndex.TryGetValue(node, out index);
    }

    /// <summary>
    /// The index of the group named <paramref name="name"/>, or of the group whose name ends with the
    /// abbreviation in parentheses ("CJNG" for "Cártel Jalisco Nueva Generación (CJNG)"); −1 if none.
    /// </summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var g = 0; g < Groups.Count; g++)
        {
            if (string.Equals(Groups[g].Name, name, StringComparison.OrdinalIgnoreCase) || Groups[g].Name.EndsWith($"({name})", StringComparison.OrdinalIgnoreCase))
            {
                return g;
            }
        }

        return -1;
    }
}
