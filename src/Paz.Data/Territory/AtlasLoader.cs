using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Territory;

/// <summary>Loads the atlas (states, municipalities, adjacency, boundaries) from the shipped CSV and TopoJSON files.</summary>
public static class AtlasLoader
{
    private static readonly (int Year, string Column)[] CensusColumns =
        [(2000, "pop_2000"), (2010, "pop_2010"), (2015, "pop_2015"), (2020, "pop_2020")];

    /// <summary>Loads the whole atlas, boundaries included, and adds what it noticed to <paramref name="quirks"/>.</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static Core.Territory.Atlas Load(DataDirectory data, ICollection<DataQuirk> quirks)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(quirks);
        var states = ReadStates(data.States);
        var municipalities = ReadMunicipalities(data.Municipalities, states.Select(s => s.Code).ToHashSet());
        var codes = municipalities.Select(m => m.Code).ToHashSet();
        var adjacency = ReadAdjacency(data.Adjacency, codes);
        var municipalShapes = TopoJsonReader.Read(data.MunicipalBoundaries, "municipios", codes.Select(c => c.Value).ToHashSet());
        var stateShapes = TopoJsonReader.Read(data.StateBoundaries, "state", states.Select(s => s.Code.Value).ToHashSet());

        var shaped = municipalShapes.Select(s => s.Id).ToHashSet();
        foreach (var m in municipalities.Where(m => !shaped.Contains(m.Code.Value)))
        {
            quirks.Add(new DataQuirk("no-polygon", m.Code.Value, "in the atlas but without a boundary: left blank on maps"));
        }

        return new Core.Territory.Atlas(states, municipalities, adjacency, municipalShapes, stateShapes);
    }

    /// <summary>Reads atlas/mx_states.csv.</summary>
    public static IReadOnlyList<State> ReadStates(string path)
    {
        var csv = CsvFile.Open(path);
        int code = csv.Column("cve_ent"), name = csv.Column("state_name"), official = csv.Column("state_name_official"), abbr = csv.Column("state_abbr");
        var states = new List<State>();
        var seen = new FirstSeen<string>("state");
        csv.ForEachRow(row =>
        {
            var c = row.Text(code);
            if (!StateCode.IsValid(c))
            {
                throw row.Fail(code, "a two-digit state code from 01 to 32", c);
            }

            seen.Add(row, c);

            states.Add(new State(new StateCode(c), row.Text(name), row.Text(official), row.Text(abbr)));
        });
        return states;
    }

    /// <summary>Reads atlas/mx_municipios_2020.csv; every state code must be in <paramref name="states"/>.</summary>
    public static IReadOnlyList<Municipality> ReadMunicipalities(string path, IReadOnlySet<StateCode> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var csv = CsvFile.Open(path);
        int code = csv.Column("cve_mun"), state = csv.Column("cve_ent"), name = csv.Column("mun_name");
        int lon = csv.Column("cabecera_lon"), lat = csv.Column("cabecera_lat"), area = csv.Column("area_km2"), metro = csv.Column("metro_area_2015");
        var male = csv.HasColumn("pop_2020_male") ? csv.Column("pop_2020_male") : -1;
        var census = CensusColumns.Select(c => (c.Year, Index: csv.Column(c.Column))).ToArray();
        var list = new List<Municipality>();
        var seen = new FirstSeen<string>("municipality");
        csv.ForEachRow(row =>
        {
            var c = row.Text(code);
            if (!MunicipalityCode.IsValid(c))
            {
                throw row.Fail(code, "a five-digit municipality code (state 01-32 + three digits)", c);
            }

            seen.Add(row, c);

            var s = row.Text(state);
            if (s != c[..2])
            {
                throw row.Fail(state, $"the state part of cve_mun {c} ('{c[..2]}')", s);
            }

            if (!states.Contains(new StateCode(s)))
            {
                throw row.Fail(state, "a state listed in mx_states.csv", s);
            }

            var counts = new List<(int, double)>();
            foreach (var (year, index) in census)
            {
                if (row.OptionalCount(index) is { } n)
                {
                    if (n == 0)
                    {
                        throw row.Fail(index, "a positive population or an empty field", "0");
                    }

                    counts.Add((year, n));
                }
            }

            if (counts.Count == 0 || counts[^1].Item1 != 2020)
            {
                throw row.Fail(census[^1].Index, "a 2020 census population (every municipality of the 2020 framework has one)", string.Empty);
            }

            list.Add(new Municipality(
                new MunicipalityCode(c),
                row.Text(name),
                new CensusPopulation(counts),
                new GeoPoint(row.Number(lon, -180, 180), row.Number(lat, -90, 90)),
                row.Number(area, 0, 1e6),
                row.OptionalText(metro),
                male >= 0 && row.OptionalCount(male) is { } men ? men / counts[^1].Item2 : null));
        });
        return list;
    }

    /// <summary>Reads atlas/mx_municipio_adjacency_2020.csv; both codes of a pair must be in <paramref name="municipalities"/>.</summary>
    public static IReadOnlyList<Adjacency> ReadAdjacency(string path, IReadOnlySet<MunicipalityCode> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        var csv = CsvFile.Open(path);
        int a = csv.Column("cve_mun_a"), b = csv.Column("cve_mun_b"), contact = csv.Column("contact"), km = csv.Column("shared_border_km"), same = csv.Column("same_state");
        var list = new List<Adjacency>();
        var seen = new FirstSeen<(string, string)>("pair");
        csv.ForEachRow(row =>
        {
            var ca = KnownCode(row, a, municipalities);
            var cb = KnownCode(row, b, municipalities);
            if (ca.CompareTo(cb) >= 0)
            {
                throw row.Fail($"expected cve_mun_a < cve_mun_b (each pair once, lower code first), found {ca} and {cb}");
            }

            seen.Add(row, (ca.Value, cb.Value), $"{ca}-{cb}");

            var kind = row.Text(contact) switch
            {
                "border" => Contact.Border,
                "point" => Contact.Point,
                var other => throw row.Fail(contact, "'border' or 'point'", other),
            };
            var sameState = row.Text(same) switch
            {
                "True" => true,
                "False" => false,
                var other => throw row.Fail(same, "'True' or 'False'", other),
            };
            if (sameState != (ca.State == cb.State))
            {
                throw row.Fail(same, $"{ca.State == cb.State} for {ca} and {cb}", sameState.ToString());
            }

            list.Add(new Adjacency(ca, cb, kind, row.Number(km, 0, 1e5)));
        });
        return list;
    }

    private static MunicipalityCode KnownCode(CsvRow row, int column, IReadOnlySet<MunicipalityCode> municipalities)
    {
        var text = row.Text(column);
        if (!MunicipalityCode.IsValid(text))
        {
            throw row.Fail(column, "a five-digit municipality code", text);
        }

        var code = new MunicipalityCode(text);
        return municipalities.Contains(code) ? code : throw row.Fail(column, "a municipality of mx_municipios_2020.csv", text);
    }
}
