using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>
/// The wars the record shows by year: the pairs of organizations UCDP's georeferenced event dataset (GED 23.1) counts
/// at least <see cref="Threshold"/> deaths between in the year or the year before, summed over states
/// (data/history/ucdp_ged_mexico_dyad_state_year_2006_2018.csv), each side named as the network names it, with the
/// states where it was fought in those years.
/// </summary>
/// <remarks>
/// A dyad whose side is several organizations ("Gulf Cartel, La Familia, Sinaloa Cartel – Los Zetas", 2010) is a war
/// between each of them and the other side. Left out, because the network has no node for them or they are fights
/// inside one organization, which the engine's own splits stand for: the factions of one cartel (El Teo in Tijuana,
/// Valdez Villarreal among the Beltrán Leyva, the Zetas' and the Gulf's and Sinaloa's factions, the Cártel del Noreste
/// against the Zetas Vieja Escuela), Acapulco's La Barredora (the network's La Barredora 24/7 is a Sonora group),
/// La Resistencia, La Mochomera, Los Aztecas against La Línea (both of the Juárez organization), and the Michoacán
/// self-defence forces (a militia, not a criminal organization). The engine reads them as
/// <see cref="Simulation.Agents.EngineInputs.RecordedWars"/>; the scenario's <c>wars_of</c> says which year's are fought.
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

    /// <summary>
    /// Each year's wars: the dyads with at least <see cref="Threshold"/> deaths that year or the year before, each with the
    /// states (INEGI codes) where UCDP records its fighting in those two years, the sides as the network names them.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<War>> ByYear(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var deaths = new Dictionary<(int Year, string A, string B), int>();
        var states = new Dictionary<(int Year, string A, string B), SortedSet<int>>();
        var file = CsvFile.Open(data.UcdpDyads);
        int year = file.Column("year"), type = file.Column("violence_type"), a = file.Column("side_a"), b = file.Column("side_b"), best = file.Column("best"), state = file.Column("cve_ent");
        file.ForEachRow(row =>
        {
            if (row.Text(type) != "non-state")
            {
                return;
            }

            var y = row.WholeNumber(year, 1989, 2100);
            foreach (var p in Actors(row.Text(a)))
            {
                foreach (var q in Actors(row.Text(b)).Where(q => q != p))
                {
                    var key = string.CompareOrdinal(p, q) < 0 ? (y, p, q) : (y, q, p);
                    deaths[key] = deaths.GetValueOrDefault(key) + row.Count(best);
                    if (row.OptionalText(state) is { Length: > 0 } code) // a few events name no state
                    {
                        (states.TryGetValue(key, out var set) ? set : states[key] = []).Add(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        });

        // A war holds through a year with fewer deaths: UCDP's yearly threshold turns a war that went on (Beltrán Leyva
        // against Sinaloa: 1,147 deaths in 2008, none coded in 2009, 60 in 2010) off and on.
        var years = deaths.Keys.Select(k => k.Year).Distinct().Order().ToList();
        var active = deaths.Where(d => d.Value >= Threshold).Select(d => d.Key).ToHashSet();
        var fronts = years.ToDictionary(y => y, y => active
            .Where(k => k.Year == y || k.Year == y - 1)
            .Select(k => (k.A, k.B))
            .Distinct()
            .ToDictionary(pair => pair, pair => new[] { y - 1, y }
                .SelectMany(t => states.GetValueOrDefault((t, pair.A, pair.B)) ?? [])
                .ToHashSet()));
        return years.ToDictionary(y => y, y => (IReadOnlyList<War>)[.. fronts[y]
            .OrderBy(war => war.Key.A, StringComparer.Ordinal)
            .ThenBy(war => war.Key.B, StringComparer.Ordinal)
            .Select(war =>
            {
                var where = war.Value.Order().ToList();
                return new War(war.Key.A, war.Key.B, where, [.. where.Select(state => Since(fronts, war.Key, state, y))]);
            })]);
    }

    // The first year of the unbroken run of years, ending in `year`, whose wars fight the pair in the state: the age of
    // a front is the age of its current episode (Sinaloa against the Arellano Félix in Baja California in 2007, and again
    // from 2015). The record begins in 2006, so fronts under way then are dated 2006 (left-censored).
    private static int Since(Dictionary<int, Dictionary<(string A, string B), HashSet<int>>> fronts, (string A, string B) pair, int state, int year)
    {
        var since = year;
        while (fronts.TryGetValue(since - 1, out var earlier) && earlier.TryGetValue(pair, out var where) && where.Contains(state))
        {
            since--;
        }

        return since;
    }

    /// <summary>The wars of <paramref name="byYear"/> as the engine reads them: network indices and atlas state indices.</summary>
    public static IReadOnlyList<Simulation.Agents.RecordedWar> Resolve(IReadOnlyDictionary<int, IReadOnlyList<War>> byYear, Core.Organizations.GroupNetwork network, Core.Territory.Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        return [.. byYear.OrderBy(y => y.Key).SelectMany(y => y.Value
            .Select(w => (w, a: network.IndexOf(w.A), b: network.IndexOf(w.B)))
            .Where(x => x.a >= 0 && x.b >= 0) // a network without the organization (a test's small one)
            .Select(x => new Simulation.Agents.RecordedWar(y.Key, x.a, x.b, [.. x.w.States.Select(atlas.StateIndexOf)], x.w.Since)))];
    }

    // The network's names of the organizations a UCDP side stands for (none when it names no node).
    private static IEnumerable<string> Actors(string side) =>
        side.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => SideToNetwork.GetValueOrDefault(s))
            .OfType<string>();

    /// <summary>
    /// A war of the record: two organizations as the network names them (ordinal order), the INEGI codes of the states it
    /// was fought in, and for each state the year its fighting there began (the first of the unbroken run of years whose
    /// wars fight the pair there; 2006, the record's first year, for fronts under way then).
    /// </summary>
    public sealed record War(string A, string B, IReadOnlyList<int> States, IReadOnlyList<int> Since);
}
