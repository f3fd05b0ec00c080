using Paz.Core.Territory;
using Paz.Data.Csv;
using Paz.Simulation.Agents;

namespace Paz.Data.Economy;

/// <summary>
/// Where the groups' money is made, as far as public pre-2019 sources place it: the municipalities with a road port of
/// entry to the United States, a large container port or a PEMEX refinery, and the states where opium poppy is grown
/// (data/markets/PROVENANCE.md). Flags only: how much each is worth is the engine's declared assumption
/// (<c>Agents/PlazaRevenue.cs</c>).
/// </summary>
public static class PlazaSiteLoader
{
    /// <summary>The kinds of site the file may name.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["border_crossing", "port", "refinery"];

    /// <summary>Loads the sites and the poppy states for every atlas municipality (atlas order).</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static PlazaSites Load(DataDirectory data, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(atlas);
        var flags = ReadSites(data.PlazaSites, atlas);
        var poppy = ReadPoppyStates(data.PoppyStates, atlas);
        var municipalities = atlas.Municipalities;
        return new PlazaSites(
            flags["border_crossing"],
            flags["port"],
            flags["refinery"],
            [.. municipalities.Select(m => poppy.Contains(m.State))],
            [.. municipalities.Select(m => m.AreaKm2)]);
    }

    /// <summary>Each kind of site as one flag per atlas municipality.</summary>
    /// <exception cref="DataFormatException">An unknown municipality or kind, or a site named twice.</exception>
    public static IReadOnlyDictionary<string, bool[]> ReadSites(string path, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var flags = Kinds.ToDictionary(k => k, _ => new bool[atlas.Municipalities.Count], StringComparer.Ordinal);
        var file = CsvFile.Open(path);
        int code = file.Column("cve_mun"), kind = file.Column("site");
        var seen = new FirstSeen<string>("municipality and site");
        file.ForEachRow(row =>
        {
            var text = row.Text(code);
            if (!MunicipalityCode.IsValid(text) || !atlas.Contains(new MunicipalityCode(text)))
            {
                throw row.Fail(code, "a municipality code of the atlas", text);
            }

            var site = row.Text(kind);
            if (!flags.TryGetValue(site, out var marks))
            {
                throw row.Fail(kind, $"one of {string.Join(", ", Kinds)}", site);
            }

            seen.Add(row, $"{text} {site}");
            marks[atlas.IndexOf(new MunicipalityCode(text))] = true;
        });
        return flags;
    }

    /// <summary>The states where poppy is grown.</summary>
    /// <exception cref="DataFormatException">An unknown state, or a state named twice.</exception>
    public static IReadOnlySet<StateCode> ReadPoppyStates(string path, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var states = new HashSet<StateCode>();
        var file = CsvFile.Open(path);
        var state = file.Column("cve_ent");
        var seen = new FirstSeen<string>("state");
        file.ForEachRow(row =>
        {
            var text = row.Text(state);
            if (!atlas.States.Any(s => s.Code.Value == text))
            {
                throw row.Fail(state, "a state code of the atlas", text);
            }

            seen.Add(row, text);
            states.Add(new StateCode(text));
        });
        return states;
    }
}
