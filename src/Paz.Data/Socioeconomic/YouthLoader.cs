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
        var (men, statePeople, stateMen) = ReadYoungMen(data.YoungMen, atlas, read);
        var municipalities = atlas.Municipalities;
        var imputed = 0;
        var youngMen = municipalities.Select(m =>
        {
            if (men.TryGetValue(m.Code.Value, out var count))
            {
                return count;
            }

            imputed++;
            var state = m.State.Value;
            return statePeople.GetValueOrDefault(state) > 0 ? (m.Population.In(read) ?? 0) * stateMen[state] / statePeople[state] : 0;
        }).ToArray();

        var poverty = ReadPoverty(data.Poverty, atlas);
        var stateMean = municipalities.Where(m => poverty.ContainsKey(m.Code.Value)).GroupBy(m => m.State)
            .ToDictionary(g => g.Key, g => g.Sum(m => poverty[m.Code.Value] * (m.Population.In(2010) ?? 0)) / Math.Max(1, g.Sum(m => m.Population.In(2010) ?? 0)));
        return new YouthData(read, youngMen, [.. municipalities.Select(m => poverty.TryGetValue(m.Code.Value, out var p) ? p : stateMean.GetValueOrDefault(m.State))], imputed);
    }

    private static (Dictionary<string, double> Men, Dictionary<string, double> StatePeople, Dictionary<string, double> StateMen) ReadYoungMen(string path, Atlas atlas, int year)
    {
        var file = CsvFile.Open(path);
        int code = file.Column("cve_mun"), yearColumn = file.Column("year"), total = file.Column("pop_total"), men = file.Column("men_15_29");
        var seen = new FirstSeen<string>("municipality and year");
        var byCode = new Dictionary<string, double>(StringComparer.Ordinal);
        var statePeople = new Dictionary<string, double>(StringComparer.Ordinal);
        var stateMen = new Dictionary<string, double>(StringComparer.Ordinal);
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
            if (y == year)
            {
                byCode[text] = young;
                statePeople[text[..2]] = statePeople.GetValueOrDefault(text[..2]) + people;
                stateMen[text[..2]] = stateMen.GetValueOrDefault(text[..2]) + young;
            }
        });
        return (byCode, statePeople, stateMen);
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
public sealed record YouthData(int Year, double[] YoungMen, double[] Poverty, int Imputed);
