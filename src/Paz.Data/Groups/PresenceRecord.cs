using Paz.Core.Organizations;
using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>
/// The record of where each organization was, year by year, for a replay (<see cref="Simulation.Agents.EngineInputs.RecordedPresence"/>,
/// read by the mechanism <see cref="Simulation.Mechanisms.RecordedFootholds"/>).
/// </summary>
/// <remarks>
/// The record is CIDE-PPD's compilation (data/groups/cide_ppd_state_group_presence_2015_2018.csv) for the years it has:
/// 2015 (PGR's list), 2017 and 2018 (dioculta, gnews, and CIDE-PPD's own in 2018), every source of the year, its raw names
/// matched to the network's groups as <see cref="GroupPresenceLoader"/> matches them — accents, case, articles and
/// "cártel" dropped, the alias table — after cutting the annotations CIDE-PPD's own list appends after two spaces
/// ("Cartel Jalisco Nueva Generacion  CJNG   Antes  Los Mata Zetas" is CJNG). Names of people, of self-defence forces
/// and of gangs the network does not hold are left out.
/// MCO (2007-2015) is not a record of when organizations came: 34 of its 38 codes are listed in the same states in every
/// year they are listed at all (CJNG in the same 20 from 2010 to 2015), so its years date an organization's name, not its
/// arrival in a state. It gives the start's organizations and the breakaways (<see cref="HistoricalPresence"/>), not footholds.
/// </remarks>
public static class PresenceRecord
{
    /// <summary>The years CIDE-PPD's compilation lists organizations by state (2016 none).</summary>
    public static readonly IReadOnlyList<int> Years = [2015, 2017, 2018];

    /// <summary>For each year of the record, the states (atlas indices, ascending) of each network group (network order; empty: not listed).</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<int[]>> ByYear(DataDirectory data, GroupNetwork network, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        var record = new SortedDictionary<int, IReadOnlyList<int[]>>();
        var names = GroupPresenceLoader.CideNames(network);
        var states = GroupPresenceLoader.CideStates(atlas);
        var cide = Years.ToDictionary(y => y, _ => network.Groups.Select(_ => new SortedSet<int>()).ToArray());
        var file = CsvFile.Open(data.CidePresence);
        int yearColumn = file.Column("anio"), stateColumn = file.Column("estado"), groupColumn = file.Column("grupo");
        file.ForEachRow(row =>
        {
            if (row.OptionalText(yearColumn) is not { } text || !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var year) || !cide.TryGetValue(year, out var listed))
            {
                return;
            }

            if (row.OptionalText(groupColumn) is { } raw && names.TryGetValue(GroupPresenceLoader.Normalize(NameBeforeAnnotations(raw)), out var g)
                && states.TryGetValue(GroupPresenceLoader.Plain(row.Text(stateColumn)), out var s))
            {
                listed[g].Add(s);
            }
        });

        foreach (var (year, listed) in cide)
        {
            record[year] = [.. listed.Select(x => x.ToArray())];
        }

        return record;
    }

    /// <summary>A raw CIDE-PPD name without the annotations its own list appends after two spaces.</summary>
    public static string NameBeforeAnnotations(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var cut = raw.IndexOf("  ", StringComparison.Ordinal);
        return cut < 0 ? raw : raw[..cut];
    }
}
