using Paz.Core.Justice;
using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Justice;

/// <summary>
/// What the people in each state's prisons are held for, under which courts, at which stage and of which sex:
/// INEGI's census records of one year as shares within each state and stage (data/prisons).
/// </summary>
/// <remarks>
/// From 2014 the census counts offences attributed to the people held, not people (data/prisons/PROVENANCE.md), so
/// only shares are used; a person held for two offences weighs twice. Unspecified stage or sex is left out.
/// </remarks>
public static class PrisonOffenceMix
{
    /// <summary>The profiles of each state (atlas state order) in <paramref name="year"/>; a state with no records has none.</summary>
    /// <exception cref="DataFormatException">A state outside the atlas, a year outside 2010-2018, an unknown label or a negative count.</exception>
    public static IReadOnlyList<PrisonerProfile>[] Load(DataDirectory data, Atlas atlas, int year) =>
        Read((data ?? throw new ArgumentNullException(nameof(data))).PrisonOffenceRecords, atlas, year);

    /// <summary>As <see cref="Load"/>, from the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<PrisonerProfile>[] Read(string path, Atlas atlas, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var file = CsvFile.Open(path);
        int state = file.Column("cve_ent"), yearColumn = file.Column("year"), sex = file.Column("sex"), stage = file.Column("legal_status"),
            courts = file.Column("jurisdiction"), crime = file.Column("crime_group"), count = file.Column("count");
        var counts = new Dictionary<(int State, string Offence, bool Federal, bool Pretrial, bool Female), double>();
        file.ForEachRow(row =>
        {
            if (row.WholeNumber(yearColumn, PrisonCensus.FirstYear, PrisonCensus.LastYear) != year)
            {
                return;
            }

            var code = row.Text(state);
            if (!StateCode.IsValid(code) || !atlas.TryStateIndexOf(new StateCode(code), out var s))
            {
                throw row.Fail(state, "a state code of the atlas", code);
            }

            var female = row.Text(sex) switch { "female" => true, "male" => false, "unspecified" => (bool?)null, var x => throw row.Fail(sex, "female, male or unspecified", x) };
            var pretrial = row.Text(stage) switch { "unsentenced" => true, "sentenced" => false, "unspecified" => (bool?)null, var x => throw row.Fail(stage, "sentenced, unsentenced or unspecified", x) };
            var federal = row.Text(courts) switch { "federal" => true, "local" => false, var x => throw row.Fail(courts, "federal or local", x) };
            var n = row.Count(count);
            if (female is { } f && pretrial is { } p && n > 0)
            {
                var key = (s, row.Text(crime), federal, p, f);
                counts[key] = counts.GetValueOrDefault(key) + n;
            }
        });

        return [.. atlas.States.Select((_, s) =>
        {
            var mine = counts.Where(kv => kv.Key.State == s).ToList();
            var byStage = mine.GroupBy(kv => kv.Key.Pretrial).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
            return (IReadOnlyList<PrisonerProfile>)[.. mine.OrderBy(kv => kv.Key.Offence, StringComparer.Ordinal).ThenBy(kv => kv.Key.Federal).ThenBy(kv => kv.Key.Pretrial).ThenBy(kv => kv.Key.Female)
                .Select(kv => new PrisonerProfile(kv.Key.Offence, kv.Key.Federal, kv.Key.Pretrial, kv.Key.Female, kv.Value / byStage[kv.Key.Pretrial]))];
        })];
    }
}
