using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.HumanRights;

/// <summary>
/// The pre-2019 measures of the forces' lethality and of the disappeared the engine starts from
/// (data/police/PROVENANCE.md, data/missing/PROVENANCE.md).
/// </summary>
public static class HumanRightsLoader
{
    /// <summary>Confrontations' worth of pseudo-counts pulling a state's index toward the nation's (assumed: a state with a handful of clashes says little).</summary>
    public const double Shrinkage = 20;

    /// <summary>
    /// Each state's Army lethality index (atlas state order): SEDENA's aggressors killed per aggressor wounded in its
    /// confrontations from 2007 through <paramref name="lastYear"/>, over the nation's, with <see cref="Shrinkage"/>
    /// wounded-equivalents at the national ratio added to every state; null when no confrontation precedes it.
    /// </summary>
    /// <exception cref="DataFormatException">An unknown state, a negative count, or a state-year listed twice.</exception>
    public static double[]? ArmyLethality(string path, Atlas atlas, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var killed = new double[atlas.States.Count];
        var wounded = new double[atlas.States.Count];
        var file = CsvFile.Open(path);
        int state = file.Column("cve_ent"), year = file.Column("year"), k = file.Column("aggressors_killed"), w = file.Column("aggressors_wounded");
        var seen = new FirstSeen<string>("state and year");
        file.ForEachRow(row =>
        {
            var code = row.Text(state);
            if (!StateCode.IsValid(code) || !atlas.TryStateIndexOf(new StateCode(code), out var index))
            {
                throw row.Fail(state, "a state code of the atlas", code);
            }

            var y = row.WholeNumber(year, 2000, 2100);
            seen.Add(row, $"{code} {y}");
            if (y <= lastYear)
            {
                killed[index] += row.Count(k);
                wounded[index] += row.Count(w);
            }
        });

        var (allKilled, allWounded) = (killed.Sum(), wounded.Sum());
        if (allKilled <= 0 || allWounded <= 0)
        {
            return null;
        }

        var national = allKilled / allWounded;
        return [.. killed.Select((x, s) => (x + (Shrinkage * national)) / (wounded[s] + Shrinkage) / national)];
    }

    /// <summary>
    /// People missing when a run starts in <paramref name="startYear"/>: RNPED's open records (last cut 30 April 2018) of
    /// people last seen from 2000 to the year before; null when none precedes it.
    /// </summary>
    /// <exception cref="DataFormatException">A malformed count or year, or a year listed twice.</exception>
    public static double? MissingBefore(string path, int startYear)
    {
        var file = CsvFile.Open(path);
        int year = file.Column("year_last_seen"), persons = file.Column("persons_missing");
        var seen = new FirstSeen<int>("year last seen");
        double total = 0;
        var any = false;
        file.ForEachRow(row =>
        {
            var y = row.WholeNumber(year, 1900, 2100);
            seen.Add(row, y);
            if (y < startYear)
            {
                total += row.Count(persons);
                any = true;
            }
        });
        return any ? total : null;
    }
}
