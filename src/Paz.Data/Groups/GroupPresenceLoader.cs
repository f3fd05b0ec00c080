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
/// <item>for the others, CIDE-PPD rows of 2015-2017 (PGR 2015, dioculta and gnews 2017) whose name matches
/// the group's after normalization (<see cref="Normalize"/>) or an alias (<see cref="CideAliases"/>);</item>
/// <item>for groups neither source names, the BACRIM 2020 state records whose group name equals the node's
/// name (248 of 251 records do; "Estado de México" is the atlas's "México"), a 2020 picture used as the best
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

    /// <summary>Raw CIDE-PPD names that name a network group under another name.</summary>
    public static readonly IReadOnlyDictionary<string, string> CideAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Cartel del Pacífico"] = "N10013",
        ["Pacífico"] = "N10013",
        ["La Familia Michoacana"] = "N10076",
        ["La Familia"] = "N10076",
        ["La Nueva Familia"] = "N10076",
        ["Los Viagra"] = "N10133",
        ["Los Damaso"] = "N10097",
    };

    /// <summary>Normalized names (<see cref="Normalize"/>) of the network's groups, their short names and the aliases (<see cref="CideAliases"/>), each with its group's index.</summary>
    internal static Dictionary<string, int> CideNames(GroupNetwork network)
    {
        var normalized = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < network.Count; g++)
        {
            normalized.TryAdd(Normalize(network.Groups[g].Name), g);
            normalized.TryAdd(Normalize(network.Groups[g].ShortName), g);
        }

        foreach (var (alias, id) in CideAliases)
        {
            normalized[Normalize(alias)] = network.IndexOfNode(id);
        }

        return normalized;
    }

    /// <summary>The atlas's states by their names without accents or case, with CIDE-PPD's "Estado de México".</summary>
    internal static Dictionary<string, int> CideStates(Atlas atlas)
    {
        var states = atlas.States.Select((st, i) => (st, i)).ToDictionary(x => Plain(x.st.Name), x => x.i, StringComparer.Ordinal);
        states[Plain("Estado de México")] = states[Plain("México")];
        return states;
    }

    /// <summary>A name reduced for matching: no accents, lower case, no parentheses, no articles or "cártel".</summary>
    public static string Normalize(string name)
    {
        var plain = Plain(name);
        plain = System.Text.RegularExpressions.Regex.Replace(plain, @"\(.*?\)", " ");
        plain = System.Text.RegularExpressions.Regex.Replace(plain, @"\b(cartel|carteles|de|del|la|las|los|el)\b", " ");
        return string.Join(' ', System.Text.RegularExpressions.Regex.Replace(plain, "[^a-z0-9]+", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // Spanish accents folded by table: Paz runs with invariant globalization, where Unicode
    // normalization does not decompose letters.
    internal static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Trim().ToLowerInvariant().Select(c => c switch
        {
            'á' or 'à' or 'ä' => 'a',
            'é' or 'è' or 'ë' => 'e',
            'í' or 'ì' or 'ï' => 'i',
            'ó' or 'ò' or 'ö' => 'o',
            'ú' or 'ù' or 'ü' => 'u',
            'ñ' => 'n',
            _ => c,
        });
        return new string([.. folded]);
    }

    /// <summary>State indices (atlas order) where each network group is present, in network order.</summary>
    public static IReadOnlyList<int[]> Load(DataDirectory data, GroupNetwork network, Core.Territory.Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        var stateIndex = atlas.States.Select((s, i) => (s, i)).ToDictionary(x => x.s.Name, x => x.i, StringComparer.Ordinal);
        stateIndex["Estado de México"] = stateIndex["México"];
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
            var g = network.IndexOfNode(id);
            presence[g].Add(atlas.StateIndexOf(state));
            mco.Add(g);
        });

        // CIDE-PPD 2015-2017 rows, matched to network groups by normalized name (accents, case, articles and
        // "cártel" dropped) or the alias table; closer to the start than the 2020 records.
        var normalized = CideNames(network);
        var stateByPlainName = CideStates(atlas);
        var early = new HashSet<int>();
        var cide = CsvFile.Open(data.CidePresence);
        int cideYear = cide.Column("anio"), cideState = cide.Column("estado"), cideGroup = cide.Column("grupo");
        cide.ForEachRow(row =>
        {
            if (row.OptionalText(cideYear) is not { } text || !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var y) || y > 2017)
            {
                return;
            }

            if (row.OptionalText(cideGroup) is not { } raw || !normalized.TryGetValue(Normalize(raw), out var g) || mco.Contains(g))
            {
                return;
            }

            if (stateByPlainName.TryGetValue(Plain(row.Text(cideState)), out var s))
            {
                presence[g].Add(s);
                early.Add(g);
            }
        });

        var records = CsvFile.Open(data.GroupStateRecords);
        int recordGroup = records.Column("group"), recordState = records.Column("state");
        records.ForEachRow(row =>
        {
            if (!name.TryGetValue(row.Text(recordGroup), out var g) || mco.Contains(g) || early.Contains(g))
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
