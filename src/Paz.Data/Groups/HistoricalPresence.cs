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
/// each MCO code to the node that stands for the organization <em>as it was in that year</em>. The
/// organizations that broke away later (MCO lists BLO from 2008, the Zetas from 2010, the Knights Templar
/// on their own from 2011) are counted in their parents until then and break away on the recorded dates
/// (<see cref="Recorded"/>, <see cref="Breakaways"/>; the engine's mechanism of that name); CJNG, which MCO
/// lists as "jng" from 2010, is Milenio's node throughout, and Resistencia names no node. Codes that name no node of the network (Colima, El Teo,
/// "other", the "-remnants" rows of one state) are left out, and so are their members.
/// Groups are ranked for their initial sizes by the number of states MCO lists them in that year (the
/// network's 2020 strength would make the 2007 Milenio branch the largest organization).
/// </remarks>
public static class HistoricalPresence
{
    /// <summary>First and last year of the MCO file.</summary>
    public const int FirstYear = 2007, LastYear = 2015;

    /// <summary>MCO codes and the node that stands for each organization before 2015 (see the remarks; the breakaways are in <see cref="Recorded"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> McoToNode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cds"] = "N10013",                // Sinaloa (with the Beltrán Leyva until 2008)
        ["golfo"] = "N10017",              // Gulf (with the Zetas until 2010)
        ["familia-familia"] = "N10076",
        ["juarez"] = "N10005",
        ["afo"] = "N10007",                // Arellano Félix (Tijuana)
        ["milenio"] = "N10025",            // Milenio, whose Jalisco branch became the CJNG in 2010
        ["jng"] = "N10025",
        ["oaxaca"] = "N10011",
        ["ardillos"] = "N10084",
        ["pelones"] = "N10116",
    };

    /// <summary>
    /// The breakaways the record shows: an organization MCO first lists on its own in <see cref="RecordedBreakaway.Year"/>,
    /// in the January of which UCDP records the first fighting between it and the organization it was counted in
    /// (data/history/ucdp_ged_mexico_events_2006_2018.csv: Beltrán Leyva–Sinaloa from 2008-01-02, Gulf–Zetas from
    /// 2010-01-03, La Familia–Knights Templar from 2011-01-16). The Knights Templar are MCO's "familia-templarios",
    /// counted in La Familia's node until they broke away; "familia-familia" is what remained of La Familia.
    /// </summary>
    public static readonly IReadOnlyList<RecordedBreakaway> Recorded =
    [
        new("blo", "N10008", "N10013", 2008),
        new("zetas", "N10134", "N10017", 2010),
        new("familia-templarios", "N10003", "N10076", 2011),
    ];

    /// <summary>The network node MCO's <paramref name="code"/> stands for in <paramref name="year"/>, or null: none (left out).</summary>
    public static string? NodeOf(string code, int year)
    {
        ArgumentNullException.ThrowIfNull(code);
        var breakaway = Recorded.FirstOrDefault(b => b.McoCode == code);
        if (breakaway is not null)
        {
            return year >= breakaway.Year ? breakaway.Node : breakaway.ParentNode;
        }

        return McoToNode.TryGetValue(code, out var node) ? node : null;
    }

    /// <summary>
    /// The breakaways after <paramref name="startYear"/>, each with the states MCO lists it in its first year (where its
    /// parent's members split), in date order.
    /// </summary>
    public static IReadOnlyList<Simulation.Agents.Breakaway> Breakaways(DataDirectory data, GroupNetwork network, Core.Territory.Atlas atlas, int startYear)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        var later = Recorded.Where(b => b.Year > startYear).ToList();
        if (later.Count == 0)
        {
            return [];
        }

        var states = later.Select(_ => new SortedSet<int>()).ToArray();
        ForEachRow(data, atlas, (code, year, state) =>
        {
            var k = later.FindIndex(b => b.McoCode == code && b.Year == year);
            if (k >= 0)
            {
                states[k].Add(state);
            }
        });

        return [.. later.Select((b, k) => new Simulation.Agents.Breakaway(network.IndexOfNode(b.Node), network.IndexOfNode(b.ParentNode), [.. states[k]], b.Year))];
    }

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

        var presence = network.Groups.Select(_ => new SortedSet<int>()).ToArray();
        ForEachRow(data, atlas, (code, rowYear, state) =>
        {
            if (rowYear == year && NodeOf(code, year) is { } id)
            {
                presence[network.IndexOfNode(id)].Add(state);
            }
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

    // Each row of the MCO file as the group's code, the year and the state's index in the atlas.
    private static void ForEachRow(DataDirectory data, Core.Territory.Atlas atlas, Action<string, int, int> visit)
    {
        var file = CsvFile.Open(data.McoPresence);
        int code = file.Column("state_code"), group = file.Column("group_stable"), year = file.Column("year");
        file.ForEachRow(row => visit(row.Text(group), row.WholeNumber(year, 2000, 2100), atlas.StateIndexOf(row.WholeNumber(code, 1, 32))));
    }
}

/// <summary>An organization that broke away from another, as the record shows (see <see cref="HistoricalPresence.Recorded"/>).</summary>
/// <param name="McoCode">Its code in the MCO file.</param>
/// <param name="Node">Its network node.</param>
/// <param name="ParentNode">The node of the organization it was counted in before.</param>
/// <param name="Year">The year MCO first lists it on its own.</param>
public sealed record RecordedBreakaway(string McoCode, string Node, string ParentNode, int Year);
