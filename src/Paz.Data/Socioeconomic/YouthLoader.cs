using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Socioeconomic;

/// <summary>
/// The young men of each municipality (CONAPO's municipal projections, men aged 15-29, 2010-2018) and its poverty
/// (CONEVAL's municipal measurement of 2010): who youth programmes reach and where a national programme goes.
/// </summary>
/// <remarks>
/// CONAPO's 2010 framework has 2,457 municipalities; the 12 created later (02006, 04012, 07120-07125, 17034-17036,
/// 23011) are inside their parents there. They, and any municipality without a row, take their population in the
/// year times their state's share of men aged 15-29 (imputed, and counted in <see cref="YouthData.Imputed"/>); their
/// parents keep CONAPO's count, so the state's young men are slightly overstated (by the new municipalities'
/// share). Years outside 2010-2018 read the nearest projected year. Poverty: the share of people in poverty
/// (CONEVAL's <c>poverty_pct</c>); a municipality without a figure takes its state's population-weighted mean.
/// </remarks>
public static class YouthLoader
{
    /// <summary>First and last projected years.</summary>
    public const int FirstYear = 2010, LastYear = 2018;

    /// <summary>Loads the young men in <paramref name="year"/> and the poverty share of every atlas municipality (atlas order).</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static YouthData Load(DataDirectory data, Atlas atlas, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(atlas);
        var read = Math.Clamp(year, FirstYear, LastYear);
        var years = ReadYoungMen(data.YoungMen, atlas);
        var (youngMen, imputed) = Complete(years[read - FirstYear], atlas, read);
        var municipalities = atlas.Municipalities;
        var poverty = ReadPoverty(data.Poverty, atlas);
        var stateMean = municipalities.Where(m => poverty.ContainsKey(m.Code.Value)).GroupBy(m => m.State)
            .ToDictionary(g => g.Key, g => g.Sum(m => poverty[m.Code.Value] * (m.Population.In(2010) ?? 0)) / Math.Max(1, g.Sum(m => m.Population.In(2010) ?? 0)));
        return new YouthData(read, youngMen, [.. municipalities.Select(m => poverty.TryGetValue(m.Code.Value, out var p) ? p : stateMean.GetValueOrDefault(m.State))], imputed)
        {
            ByYear = [.. years.Select((y, k) => k == read - FirstYear ? youngMen : Complete(y, atlas, FirstYear + k).YoungMen)],
        };
    }

    // A year's young men for every atlas municipality: CONAPO's count, or the municipality's population times its
    // state's share of young men where CONAPO has no row (imputed).
    private static (double[] YoungMen, int Imputed) Complete(ProjectedYear year, Atlas atlas, int calendarYear)
    {
        var imputed = 0;
        var youngMen = atlas.Municipalities.Select(m =>
        {
            if (year.Men.TryGetValue(m.Code.Value, out var count))
            {
                return count;
            }

            imputed++;
            var state = m.State.Value;
            return year.StatePeople.GetValueOrDefault(state) > 0 ? (m.Population.In(calendarYear) ?? 0) * year.StateMen[state] / year.StatePeople[state] : 0;
        }).ToArray();
        return (youngMen, imputed);
    }

    // Every projected year, 2010-2018, in one pass over the file.
    private static ProjectedYear[] ReadYoungMen(string path, Atlas atlas)
    {
        var years = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(_ => new ProjectedYear()).ToArray();
        var file = CsvFile.Open(path);
        int code = file.Column("cve_mun"), yearColumn = file.Column("year"), total = file.Column("pop_total"), men = file.Column("men_15_29");
        var seen = new FirstSeen<string>("municipality and year");
        file.ForEachRow(row =>
        {
            var text = row.Text(code);
            if (!MunicipalityCode.IsValid(text) || !atlas.Contains(new MunicipalityCode(text)))
            {
                throw row.Fail(code, "a municipality code of the atlas", text);
            }

            var y = row.WholeNumber(yearColumn, FirstYear, LastYear);
            seen.Add(row, $"{text} {y}");
            var people = row.Number(total, 0, 30_000_000);
            var young = row.Number(men, 0, people);
            var projected = years[y - FirstYear];
            projected.Men[text] = young;
            projected.StatePeople[text[..2]] = projected.StatePeople.GetValueOrDefault(text[..2]) + people;
            projected.StateMen[text[..2]] = projected.StateMen.GetValueOrDefault(text[..2]) + young;
        });
        return years;
    }

    private sealed class ProjectedYear
    {
        public Dictionary<string, double> Men { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> StatePeople { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> StateMen { get; } = new(StringComparer.Ordinal);
    }

    private static Dictionary<string, double> ReadPoverty(string path, Atlas atlas)
    {
        var file = CsvFile.Open(path);
        int code = file.Column("cve_mun"), share = file.Column("poverty_pct");
        var seen = new FirstSeen<string>("municipality");
        var byCode = new Dictionary<string, double>(StringComparer.Ordinal);
        file.ForEachRow(row =>
        {
            var text = row.Text(code);
            if (!MunicipalityCode.IsValid(text) || !atlas.Contains(new MunicipalityCode(text)))
            {
                throw row.Fail(code, "a municipality code of the atlas", text);
            }

            seen.Add(row, text);
            if (row.OptionalNumber(share, 0, 100) is { } percent)
            {
                byCode[text] = percent / 100;
            }
        });
        return byCode;
    }
}

/// <summary>Young men and poverty by municipality (atlas order).</summary>
/// <param name="Year">The projected year read.</param>
/// <param name="YoungMen">Men aged 15-29.</param>
/// <param name="Poverty">Share of people in poverty, 2010.</param>
/// <param name="Imputed">Municipalities whose young men were imputed from their state's share.</param>
public sealed record YouthData(int Year, double[] YoungMen, double[] Poverty, int Imputed)
{
    /// <summary>Men aged 15-29 of every projected year from <see cref="YouthLoader.FirstYear"/> to <see cref="YouthLoader.LastYear"/>.</summary>
    public IReadOnlyList<double[]> ByYear { get; init; } = [];
}
