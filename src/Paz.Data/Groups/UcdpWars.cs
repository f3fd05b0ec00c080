using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>
/// The wars the record shows by year: the pairs of organizations UCDP's georeferenced event dataset (GED 23.1) counts
/// at least <see cref="Threshold"/> deaths between in a year, summed over states
/// (data/history/ucdp_ged_mexico_dyad_state_year_2006_2018.csv), each side named as the network names it.
/// </summary>
/// <remarks>
/// A dyad whose side is several organizations ("Gulf Cartel, La Familia, Sinaloa Cartel – Los Zetas", 2010) is a war
/// between each of them and the other side. Left out, because the network has no node for them or they are fights
/// inside one organization, which the engine's own splits stand for: the factions of one cartel (El Teo in Tijuana,
/// Valdez Villarreal among the Beltrán Leyva, the Zetas' and the Gulf's and Sinaloa's factions, the Cártel del Noreste
/// against the Zetas Vieja Escuela), Acapulco's La Barredora (the network's La Barredora 24/7 is a Sonora group),
/// La Resistencia, La Mochomera, Los Aztecas against La Línea (both of the Juárez organization), and the Michoacán
/// self-defence forces (a militia, not a criminal organization). The scenario's <c>wars</c> lever lists the result
/// year by year; a test checks it against this reading of the file.
/// </remarks>
public static class UcdpWars
{
    /// <summary>Deaths in a year at which a dyad counts as a war: UCDP's threshold of a non-state conflict-year.</summary>
    public const int Threshold = 25;

    /// <summary>UCDP's actor names and the network's name for each.</summary>
    public static readonly IReadOnlyDictionary<string, string> SideToNetwork = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Gulf Cartel"] = "Cártel del Golfo",
        ["Sinaloa Cartel"] = "Cártel de Sinaloa",
        ["Juarez Cartel"] = "Cártel de Juárez",
        ["Tijuana Cartel"] = "Cártel de Los Arellano Félix",
        ["Beltrán Leyva Cartel"] = "Cártel de los Beltrán Leyva",
        ["Los Zetas"] = "Los Zetas",
        ["La Familia"] = "La Nueva Familia Michoacana",
        ["La Nueva Familia"] = "La Nueva Familia Michoacana",
        ["Los Caballeros Templarios"] = "Caballeros Templarios",
        ["Jalisco Cartel New Generation"] = "CJNG",
        ["Los Ardillos"] = "Los Ardillos",
        ["Los Rojos"] = "Los Rojos",
        ["Guerreros Unidos"] = "Guerreros Unidos",
        ["Cartel Independiente de Acapulco"] = "Cártel Independiente de Acapulco",
        ["Santa Rosa de Lima Cartel"] = "Cártel de Santa Rosa de Lima",
        ["Nueva Plaza Cartel"] = "Cártel Nueva Plaza",
        ["Los Tlacos"] = "Los Tlacos (Cartel de la Sierra)",
        ["Fuerza Anti Unión"] = "Fuerza Anti-Unión Tepito",
        ["La Union de Tepito"] = "La Unión Tepito",
        ["Forces of Damaso"] = "Los Dámasos/Fuerzas especiales Dámaso",
    };

    /// <summary>Each year's wars, as "A vs B" with the two network names in ordinal order, sorted.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> ByYear(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var deaths = new Dictionary<(int Year, string A, string B), int>();
        var file = CsvFile.Open(data.UcdpDyads);
        int year = file.Column("year"), type = file.Column("violence_type"), a = file.Column("side_a"), b = file.Column("side_b"), best = file.Column("best");
        file.ForEachRow(row =>
        {
            if (row.Text(type) == "non-state")
            {
                var key = (row.WholeNumber(year, 1989, 2100), row.Text(a).Trim(), row.Text(b).Trim());
                deaths[key] = deaths.GetValueOrDefault(key) + row.Count(best);
            }
        });

        var wars = new SortedDictionary<int, SortedSet<string>>();
        foreach (var ((y, sideA, sideB), n) in deaths.Where(d => d.Value >= Threshold))
        {
            foreach (var p in Actors(sideA))
            {
                foreach (var q in Actors(sideB).Where(q => q != p))
                {
                    var pair = string.CompareOrdinal(p, q) < 0 ? (p, q) : (q, p);
                    (wars.TryGetValue(y, out var set) ? set : wars[y] = new SortedSet<string>(StringComparer.Ordinal)).Add($"{pair.Item1}{Simulation.Mechanisms.RecordedWars.Versus}{pair.Item2}");
                }
            }
        }

        return wars.ToDictionary(w => w.Key, w => (IReadOnlyList<string>)[.. w.Value]);
    }

    // The network's names of the organizations a UCDP side stands for (none when it names no node).
    private static IEnumerable<string> Actors(string side) =>
        side.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => SideToNetwork.GetValueOrDefault(s))
            .OfType<string>();
}
