using Paz.Core.Organizations;
using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>
/// Which organizations existed, and where, in a year before 2015: the Mapping Criminal Organizations
/// (MCO) rows of that year, mapped onto the network's nodes as the organizations were then.
/// </summary>
/// <remarks>
/// The network (BACRIM 2020) is a 2020 picture: in 2007 the Zetas were the Gulf cartel's armed wing, the
/// Beltrán Leyva brothers were inside the Sinaloa federation, the Knights Templar were La Familia, and the
/// Jalisco New Generation cartel was the Milenio cartel's Jalisco branch. The map below therefore sends
/// each MCO code to the node that stands for the organization <em>as it was in that year</em>; the groups
/// that broke away later (MCO lists BLO from 2008, the Zetas, CJNG and Resistencia from 2010, the
/// Knights Templar as "familia-templarios" beside "familia-familia" from 2011) start absent and can only
/// appear in a run as the engine's own splinters. Codes that name no node of the network (Colima, El Teo,
/// "other", the "-remnants" rows of one state) are left out, and so are their members.
/// Groups are ranked for their initial sizes by the number of states MCO lists them in that year (the
/// network's 2020 strength would make the 2007 Milenio branch the largest organization).
/// </remarks>
public static class HistoricalPresence
{
    /// <summary>First and last year of the MCO file.</summary>
    public const int FirstYear = 2007, LastYear = 2015;

    /// <summary>MCO codes and the node that stands for each organization before 2015 (see the remarks).</summary>
    public static readonly IReadOnlyDictionary<string, string> McoToNode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cds"] = "N10013",                // Sinaloa (with the Beltrán Leyva until 2008)
        ["golfo"] = "N10017",              // Gulf (with the Zetas until 2010)
        ["familia-templarios"] = "N10076", // La Familia Michoacana (the Knights Templar broke away in 2011)
        ["familia-familia"] = "N10076",
        ["juarez"] = "N10005",
        ["afo"] = "N10007",                // Arellano Félix (Tijuana)
        ["milenio"] = "N10025",            // Milenio, whose Jalisco branch became the CJNG in 2010
        ["jng"] = "N10025",
        ["oaxaca"] = "N10011",
        ["ardillos"] = "N10084",
        ["blo"] = "N10008",
        ["zetas"] = "N10134",
        ["pelones"] = "N10116",
    };

    /// <summary>State indices (atlas order) of each network group in <paramref name="year"/> (empty: absent), and the groups ranked by breadth.</summary>
    public static (IReadOnlyList<int[]> States, int[] SizeOrder) Load(DataDirectory data, GroupNetwork network, Core.Territory.Atlas atlas, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the MCO file covers {FirstYear}-{LastYear}");
        }

        var byCode = atlas.States.Select((s, i) => (s, i)).ToDictionary(x => int.Parse(x.s.Code.Value, System.Globalization.CultureInfo.InvariantCulture), x => x.i);
        var node = network.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g.Node, x => x.i, StringComparer.Ordinal);
        var presence = network.Groups.Select(_ => new SortedSet<int>()).ToArray();
        var file = CsvFile.Open(data.McoPresence);
        int code = file.Column("state_code"), group = file.Column("group_stable"), yearColumn = file.Column("year");
        file.ForEachRow(row =>
        {
            if (row.WholeNumber(yearColumn, 2000, 2100) != year || !McoToNode.TryGetValue(row.Text(group), out var id))
            {
                return;
            }

            presence[node[id]].Add(byCode[row.WholeNumber(code, 1, 32)]);
        });

        var strengthRank = new int[network.Count];
        for (var rank = 0; rank < network.Count; rank++)
        {
            strengthRank[network.StrengthOrder[rank]] = rank;
        }

        var order = Enumerable.Range(0, network.Count)
            .Where(g => presence[g].Count > 0)
            .OrderByDescending(g => presence[g].Count)
            .ThenBy(g => strengthRank[g])
            .ToArray();
        return ([.. presence.Select(p => p.ToArray())], order);
    }
}
