using Paz.Core.Justice;
using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Justice;

/// <summary>People in state prisons by state, legal status and year (end of year) 2010-2018, from INEGI's state government census.</summary>
/// <remarks>
/// The census counted people up to 2013; from 2014 its tables count offences attributed to the people held
/// (data/prisons/PROVENANCE.md; 2016 about doubles). So people are: the count itself to 2013; from 2014, each
/// state's share of the year's records times the national people in state prisons — 176,895 at the end of
/// 2018 (INEGI, research/evidence.md) and, for 2014-2017, a log-linear interpolation between the 2013 count
/// and that total (assumed: no national count of those years was found). Pretrial shares are the records'
/// own shares (unspecified status left out). 2016's records are suspect (double counting of unknown
/// extent, uneven across states): <see cref="Suspect"/> flags them.
/// </remarks>
public sealed class PrisonCensus
{
    /// <summary>People in state prisons at the end of 2018 (INEGI census; research/evidence.md).</summary>
    public const double StatePrisonsEnd2018 = 176_895;

    /// <summary>The last year the census counted people rather than offences.</summary>
    public const int LastPeopleYear = 2013;

    /// <summary>The first and last years of the file.</summary>
    public const int FirstYear = 2010, LastYear = 2018;

    private readonly Dictionary<(StateCode State, int Year), PrisonCount> _raw;
    private readonly Dictionary<int, double> _national;

    // Each year's people (to 2013) or records (after) summed over the states.
    private readonly Dictionary<int, PrisonCount> _yearTotals;

    private PrisonCensus(Dictionary<(StateCode, int), PrisonCount> raw)
    {
        _raw = raw;
        _yearTotals = raw.GroupBy(kv => kv.Key.Item2).ToDictionary(
            g => g.Key,
            g => new PrisonCount(g.Sum(kv => kv.Value.Pretrial), g.Sum(kv => kv.Value.Sentenced)));
        var counted = _yearTotals[LastPeopleYear].Total;
        _national = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToDictionary(
            y => y,
            y => y <= LastPeopleYear ? _yearTotals[y].Total
                : counted * Math.Pow(StatePrisonsEnd2018 / counted, (y - LastPeopleYear) / (double)(LastYear - LastPeopleYear)));
    }

    /// <summary>The years whose national total is a count of people (2010-2013, and 2018's published total), not derived.</summary>
    public IReadOnlyList<int> CountedYears { get; } = [.. Enumerable.Range(FirstYear, LastPeopleYear - FirstYear + 1), LastYear];

    /// <summary>Whether <paramref name="year"/>'s state figures are suspect (2016: records about double).</summary>
    public static bool Suspect(int year) => year == 2016;

    /// <summary>Reads data/prisons' legal-status file.</summary>
    /// <exception cref="DataFormatException">A state outside the atlas, a year outside 2010-2018, a duplicate, or a negative count.</exception>
    public static PrisonCensus Load(DataDirectory data, Atlas atlas) => Read((data ?? throw new ArgumentNullException(nameof(data))).PrisonLegalStatus, atlas);

    /// <summary>Reads a legal-status file at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">A state outside the atlas, a year outside 2010-2018, a duplicate, or a negative count.</exception>
    public static PrisonCensus Read(string path, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var file = CsvFile.Open(path);
        int state = file.Column("cve_ent"), year = file.Column("year"), sentenced = file.Column("sentenced"), unsentenced = file.Column("unsentenced");
        var seen = new FirstSeen<(string, int)>("state and year");
        var raw = new Dictionary<(StateCode, int), PrisonCount>();
        file.ForEachRow(row =>
        {
            var code = row.Text(state);
            if (!StateCode.IsValid(code) || !atlas.Contains(new StateCode(code)))
            {
                throw row.Fail(state, "a state code of the atlas", code);
            }

            var y = row.WholeNumber(year, FirstYear, LastYear);
            seen.Add(row, (code, y), $"{code} {y}");
            raw[(new StateCode(code), y)] = new PrisonCount(row.Count(unsentenced), row.Count(sentenced));
        });

        var missing = atlas.States.SelectMany(s => Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Where(y => !raw.ContainsKey((s.Code, y))).Select(y => $"{s.Code} {y}")).ToList();
        return missing.Count == 0 ? new PrisonCensus(raw) : throw new DataFormatException(path, 0, $"expected every state in every year {FirstYear}-{LastYear}; missing {string.Join(", ", missing.Take(5))}");
    }

    /// <summary>People in state prisons nationally at the end of <paramref name="year"/> (counted to 2013, derived after).</summary>
    public double National(int year) => _national[year];

    /// <summary>People in <paramref name="state"/>'s prisons at the end of <paramref name="year"/>, by legal status (counted to 2013, derived after).</summary>
    public PrisonCount People(StateCode state, int year)
    {
        var raw = _raw[(state, year)];
        if (year <= LastPeopleYear)
        {
            return raw;
        }

        return raw.ScaledTo(_national[year] * raw.Total / _yearTotals[year].Total);
    }

    /// <summary>The national share of people held without a sentence at the end of <paramref name="year"/>.</summary>
    public double PretrialShare(int year) => _yearTotals[year].PretrialShare;
}
