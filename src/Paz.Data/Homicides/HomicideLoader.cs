using Paz.Core.Territory;
using Paz.Core.Violence;
using Paz.Data.Csv;

namespace Paz.Data.Homicides;

/// <summary>Loads the homicide series shipped under data/homicides.</summary>
public static class HomicideLoader
{
    private const int FirstYear = 1990;
    private const int LastYear = 2100;

    /// <summary>Loads every series, checking each place against <paramref name="atlas"/>.</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static HomicideRecord Load(DataDirectory data, Core.Territory.Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(atlas);
        return new HomicideRecord(
            ReadMunicipalMonthly(data.MunicipalMonthlyHomicides, atlas),
            ReadMunicipalYearly(data.MunicipalYearlyHomicides, atlas),
            ReadStateMonthly(data.StateMonthlyHomicides, atlas),
            ReadStateYearly(data.StateYearlyHomicides, atlas),
            ReadSesnsp(data.SesnspMonthly, atlas, monthly: true),
            ReadSesnsp(data.SesnspYearly, atlas, monthly: false),
            ReadNational(data.NationalHomicides),
            ReadNationalFlows(data.NationalFlows));
    }

    /// <summary>Reads the municipal monthly file (cve_mun, year, month, homicides).</summary>
    public static MonthlySeries<MunicipalityCode> ReadMunicipalMonthly(string path, Core.Territory.Atlas atlas)
    {
        var csv = CsvFile.Open(path);
        var place = csv.Column("cve_mun");
        return ReadMonthly(csv, place, row => Municipality(row, place, atlas));
    }

    /// <summary>Reads the municipal yearly file (cve_mun, year, homicides).</summary>
    public static YearlySeries<MunicipalityCode> ReadMunicipalYearly(string path, Core.Territory.Atlas atlas)
    {
        var csv = CsvFile.Open(path);
        var place = csv.Column("cve_mun");
        return ReadYearly(csv, place, row => Municipality(row, place, atlas));
    }

    /// <summary>Reads the state monthly file (cve_ent, year, month, homicides).</summary>
    public static MonthlySeries<StateCode> ReadStateMonthly(string path, Core.Territory.Atlas atlas)
    {
        var csv = CsvFile.Open(path);
        var place = csv.Column("cve_ent");
        return ReadMonthly(csv, place, row => State(row, place, atlas));
    }

    /// <summary>Reads the state yearly file (cve_ent, year, homicides).</summary>
    public static YearlySeries<StateCode> ReadStateYearly(string path, Core.Territory.Atlas atlas)
    {
        var csv = CsvFile.Open(path);
        var place = csv.Column("cve_ent");
        return ReadYearly(csv, place, row => State(row, place, atlas));
    }

    /// <summary>Reads a SESNSP victims file, monthly or yearly.</summary>
    public static IReadOnlyList<SesnspVictims> ReadSesnsp(string path, Core.Territory.Atlas atlas, bool monthly)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var csv = CsvFile.Open(path);
        int place = csv.Column("cve_ent"), year = csv.Column("year");
        int doloso = csv.Column("homicidio_doloso"), firearm = csv.Column("homicidio_doloso_arma_fuego"), femicide = csv.Column("feminicidio"), culposo = csv.Column("homicidio_culposo");
        var month = monthly ? csv.Column("month") : -1;
        var reported = monthly ? -1 : csv.Column("months_reported");
        var rows = new List<SesnspVictims>();
        var seen = new FirstSeen<(StateCode, int, int?)>($"state and {(monthly ? "month" : "year")}");
        csv.ForEachRow(row =>
        {
            var state = State(row, place, atlas);
            var y = row.WholeNumber(year, FirstYear, LastYear);
            int? m = monthly ? row.WholeNumber(month, 1, 12) : null;
            seen.Add(row, (state, y, m), $"{state} {y}{(m is null ? string.Empty : $"-{m:D2}")}");

            rows.Add(new SesnspVictims(state, y, m, row.Count(doloso), row.Count(firearm), row.Count(femicide), row.Count(culposo),
                monthly ? null : row.WholeNumber(reported, 0, 12)));
        });
        return rows;
    }

    /// <summary>Reads INEGI's national yearly series by year of registration.</summary>
    public static IReadOnlyList<NationalHomicideYear> ReadNational(string path)
    {
        var csv = CsvFile.Open(path);
        int year = csv.Column("year"), definitive = csv.Column("inegi_homicides_definitive"), preliminary = csv.Column("inegi_homicides_preliminary");
        int rate = csv.Column("inegi_rate_per100k_published"), status = csv.Column("inegi_rate_status"), population = csv.Column("pop_midyear_crimenmexico");
        var rows = new List<NationalHomicideYear>();
        var seen = new FirstSeen<int>("year");
        csv.ForEachRow(row =>
        {
            var y = row.WholeNumber(year, FirstYear, LastYear);
            seen.Add(row, y);
            rows.Add(new NationalHomicideYear(y, row.OptionalCount(definitive), row.OptionalCount(preliminary),
                row.OptionalNumber(rate, 0, 1000), row.OptionalText(status), row.OptionalNumber(population, 1, 1e10)));
        });
        return rows;
    }

    /// <summary>Reads national homicides, missing persons and arrests (YEAR, homicide, missings, arrests).</summary>
    public static IReadOnlyList<NationalFlowYear> ReadNationalFlows(string path)
    {
        var csv = CsvFile.Open(path);
        int year = csv.Column("YEAR"), homicides = csv.Column("homicide"), missing = csv.Column("missings"), arrests = csv.Column("arrests");
        var rows = new List<NationalFlowYear>();
        var seen = new FirstSeen<int>("year");
        csv.ForEachRow(row =>
        {
            var y = row.WholeNumber(year, FirstYear, LastYear);
            seen.Add(row, y);
            rows.Add(new NationalFlowYear(y, row.Count(homicides), row.Count(missing), row.Count(arrests)));
        });
        return rows;
    }

    private static MunicipalityCode Municipality(CsvRow row, int column, Core.Territory.Atlas atlas)
    {
        var text = row.Text(column);
        if (!MunicipalityCode.IsValid(text))
        {
            throw row.Fail(column, "a five-digit municipality code", text);
        }

        var code = new MunicipalityCode(text);
        return atlas.Contains(code) || KnownQuirks.CodesOutsideAtlas.Contains(text)
            ? code
            : throw row.Fail(column, "a municipality of the atlas (mx_municipios_2020.csv) or a known quirk listed in data/PROVENANCE.md", text);
    }

    private static StateCode State(CsvRow row, int column, Core.Territory.Atlas atlas)
    {
        var text = row.Text(column);
        if (!StateCode.IsValid(text) || !atlas.Contains(new StateCode(text)))
        {
            throw row.Fail(column, "a state code of the atlas (01-32)", text);
        }

        return new StateCode(text);
    }

    private static MonthlySeries<TPlace> ReadMonthly<TPlace>(CsvFile csv, int placeColumn, Func<CsvRow, TPlace> place)
        where TPlace : notnull
    {
        int year = csv.Column("year"), month = csv.Column("month"), count = csv.Column("homicides");
        var places = new Dictionary<TPlace, int>();
        var order = new List<TPlace>();
        var rows = new List<(int Place, int Ordinal, int Count, int Line)>();
        csv.ForEachRow(row =>
        {
            var p = place(row);
            if (!places.TryGetValue(p, out var pi))
            {
                pi = places.Count;
                places.Add(p, pi);
                order.Add(p);
            }

            var ym = new YearMonth(row.WholeNumber(year, FirstYear, LastYear), row.WholeNumber(month, 1, 12));
            rows.Add((pi, ym.Ordinal, row.Count(count), row.Line));
        });
        if (rows.Count == 0)
        {
            throw new DataFormatException(csv.Path, 2, "expected at least one data row");
        }

        var first = rows.Min(r => r.Ordinal);
        var months = rows.Max(r => r.Ordinal) - first + 1;
        var counts = new int[checked(order.Count * months)];
        var lines = new int[counts.Length];
        foreach (var (p, ordinal, n, line) in rows)
        {
            var cell = (p * months) + ordinal - first;
            if (lines[cell] != 0)
            {
                throw new DataFormatException(csv.Path, line,
                    $"expected one row per place and month, found {order[p]} {YearMonth.FromOrdinal(ordinal)} again (first at line {lines[cell]})");
            }

            lines[cell] = line;
            counts[cell] = n;
        }

        var gap = Array.IndexOf(lines, 0);
        if (gap >= 0)
        {
            throw new DataFormatException(csv.Path, 0,
                $"expected a row for every place and month from {YearMonth.FromOrdinal(first)} to {YearMonth.FromOrdinal(first + months - 1)} (months without homicides are explicit zeros); {order[gap / months]} has none for {YearMonth.FromOrdinal(first + (gap % months))}");
        }

        return new MonthlySeries<TPlace>(order, YearMonth.FromOrdinal(first), months, counts);
    }

    private static YearlySeries<TPlace> ReadYearly<TPlace>(CsvFile csv, int placeColumn, Func<CsvRow, TPlace> place)
        where TPlace : notnull
    {
        int year = csv.Column("year"), count = csv.Column("homicides");
        var rows = new List<(TPlace, int, int)>();
        var seen = new FirstSeen<(TPlace, int)>("place and year");
        csv.ForEachRow(row =>
        {
            var p = place(row);
            var y = row.WholeNumber(year, FirstYear, LastYear);
            seen.Add(row, (p, y), $"{p} {y}");

            rows.Add((p, y, row.Count(count)));
        });
        return new YearlySeries<TPlace>(rows);
    }
}
