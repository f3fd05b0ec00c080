using Paz.Core.Organizations;
using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>
/// Where each group of the network is present, by state, at the start of 2015.
/// </summary>
/// <remarks>
/// Two sources, harmonized to the network's 150 groups:
/// <list type="bullet">
/// <item>Mapping Criminal Organizations (MCO) 2015 rows, for the groups whose MCO code names one network
/// group unambiguously (the table below); these groups' 2015 presence is taken from MCO;</item>
/// <item>for the others, the BACRIM 2020 state records whose group name equals the node's name (248 of
/// 251 records do; "Estado de México" is the atlas's "México"), a 2020 picture used as the best
/// available proxy.</item>
/// </list>
/// Every group is also present in its main state (nodes file).
/// </remarks>
public static class GroupPresenceLoader
{
    /// <summary>MCO stable codes and the network node each one means (only unambiguous ones).</summary>
    public static readonly IReadOnlyDictionary<string, string> McoToNode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["zetas"] = "N10134",
        ["cds"] = "N10013",
        ["jng"] = "N10025",
        ["familia-templarios"] = "N10003",
        ["familia-familia"] = "N10076",
        ["talibanes"] = "N10127",
        ["juarez"] = "N10005",
        ["blo"] = "N10008",
        ["afo"] = "N10007",
        ["guerreros"] = "N10063",
        ["rojos-blo"] = "N10120",
        ["cdn"] = "N10019",
        ["golfo-remnants"] = "N10017",
        ["golfo-sur"] = "N10017",
        ["golfo-dragones"] = "N10017",
        ["golfo-metros"] = "N10017",
        ["golfo-rojos"] = "N10017",
        ["viagras"] = "N10133",
        ["ardillos"] = "N10084",
    };

    /// <summary>State indices (atlas order) where each network group is present, in network order.</summary>
    public static IReadOnlyList<int[]> Load(DataDirectory data, GroupNetwork network, Core.Territory.Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        var stateIndex = atlas.States.Select((s, i) => (s, i)).ToDictionary(x => x.s.Name, x => x.i, StringComparer.Ordinal);
        stateIndex["Estado de México"] = stateIndex["México"];
        var byCode = atlas.States.Select((s, i) => (s, i)).ToDictionary(x => int.Parse(x.s.Code.Value, System.Globalization.CultureInfo.InvariantCulture), x => x.i);
        var node = network.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g.Node, x => x.i, StringComparer.Ordinal);
        var name = network.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g.Name, x => x.i, StringComparer.Ordinal);
        var presence = network.Groups.Select(_ => new SortedSet<int>()).ToArray();
        var mco = new HashSet<int>();

        var mcoFile = CsvFile.Open(data.McoPresence);
        int code = mcoFile.Column("state_code"), group = mcoFile.Column("group_stable"), year = mcoFile.Column("year");
        mcoFile.ForEachRow(row =>
        {
            if (row.WholeNumber(year, 2000, 2100) != 2015 || !McoToNode.TryGetValue(row.Text(group), out var id))
            {
                return;
            }

            var state = row.WholeNumber(code, 1, 32);
            presence[node[id]].Add(byCode[state]);
            mco.Add(node[id]);
        });

        var records = CsvFile.Open(data.GroupStateRecords);
        int recordGroup = records.Column("group"), recordState = records.Column("state");
        records.ForEachRow(row =>
        {
            if (!name.TryGetValue(row.Text(recordGroup), out var g) || mco.Contains(g))
            {
                return;
            }

            var state = row.Text(recordState);
            presence[g].Add(stateIndex.TryGetValue(state, out var s) ? s : throw row.Fail(recordState, "a state name of the atlas", state));
        });

        for (var g = 0; g < network.Count; g++)
        {
            var main = network.Groups[g].MainState;
            presence[g].Add(stateIndex.TryGetValue(main, out var s) ? s : throw new DataFormatException(data.GroupNodes, 0, $"expected a state name of the atlas for {network.Groups[g].Node}, found '{main}'"));
        }

        return [.. presence.Select(p => p.ToArray())];
    }
}
