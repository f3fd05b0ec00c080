using Paz.Core.Organizations;
using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>Loads the BACRIM 2020 network of 150 criminal groups with their rivalries and alliances.</summary>
public static class GroupNetworkLoader
{
    /// <summary>Loads the nodes, rivals and alliances files of <paramref name="data"/>.</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static GroupNetwork Load(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(data.GroupNodes, data.GroupRivalries, data.GroupAlliances);
    }

    /// <summary>Loads a network from a nodes file and two tie files.</summary>
    public static GroupNetwork Load(string nodesPath, string rivalsPath, string alliancesPath)
    {
        var groups = ReadNodes(nodesPath);
        var index = groups.Select((g, i) => (g.Node, i)).ToDictionary(x => x.Node, x => x.i, StringComparer.Ordinal);
        return new GroupNetwork(groups, ReadTies(rivalsPath, groups, index), ReadTies(alliancesPath, groups, index));
    }

    /// <summary>Reads the nodes file (Node, Group, State, ShortName).</summary>
    public static IReadOnlyList<CriminalGroup> ReadNodes(string path)
    {
        var csv = CsvFile.Open(path);
        int node = csv.Column("Node"), group = csv.Column("Group"), state = csv.Column("State"), shortName = csv.Column("ShortName");
        var list = new List<CriminalGroup>();
        var seen = new FirstSeen<string>("node");
        csv.ForEachRow(row =>
        {
            var id = row.Text(node);
            seen.Add(row, id);

            list.Add(new CriminalGroup(id, row.Text(group), row.Text(state), row.Text(shortName)));
        });
        return list;
    }

    /// <summary>Reads a ties file (Edge, Node, Group, RNode, RGroup, weight); both ends must be nodes.</summary>
    public static IReadOnlyList<GroupTie> ReadTies(string path, IReadOnlyList<CriminalGroup> groups, IReadOnlyDictionary<string, int> index)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(index);
        var csv = CsvFile.Open(path);
        int edge = csv.Column("Edge"), from = csv.Column("Node"), fromName = csv.Column("Group"), to = csv.Column("RNode"), toName = csv.Column("RGroup"), weight = csv.Column("weight");
        var ties = new List<GroupTie>();
        var seen = new FirstSeen<string>("edge id");
        csv.ForEachRow(row =>
        {
            var id = row.Text(edge);
            seen.Add(row, id);

            var a = Node(row, from, fromName, groups, index);
            var b = Node(row, to, toName, groups, index);
            if (a == b)
            {
                throw row.Fail(to, "a node other than the tie's own Node (a group cannot be its own rival or ally)", row.Text(to));
            }

            ties.Add(new GroupTie(a, b, row.Count(weight)));
        });
        return ties;
    }

    private static int Node(CsvRow row, int column, int nameColumn, IReadOnlyList<CriminalGroup> groups, IReadOnlyDictionary<string, int> index)
    {
        var id = row.Text(column);
        if (!index.TryGetValue(id, out var i))
        {
            throw row.Fail(column, "a node of the nodes file", id);
        }

        var name = row.Text(nameColumn);
        return name == groups[i].Name ? i : throw row.Fail(nameColumn, $"the name of node {id}, '{groups[i].Name}'", name);
    }
}
