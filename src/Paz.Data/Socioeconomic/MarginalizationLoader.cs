using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Socioeconomic;

/// <summary>CONAPO's municipal marginalization index (1990, 1995, 2000, 2005, 2010, 2015) for the engine's start.</summary>
/// <remarks>
/// The index is a principal-component score standardized within each count (higher is poorer), so only one
/// count is used at a time: the last one before the start year (2005 for a 2007 start, 2010 for 2015), so
/// that a run sees nothing measured after it begins. A municipality created after that count takes the mean
/// score of its state's municipalities in it.
/// </remarks>
public static class MarginalizationLoader
{
    /// <summary>The CONAPO count used for a run starting in <paramref name="startYear"/>.</summary>
    public static int CountBefore(int startYear) => startYear > 2015 ? 2015 : ((startYear - 1) / 5 * 5) is var y && y >= 1990 ? y : 1990;

    /// <summary>The index of each atlas municipality (atlas order) in the last count before <paramref name="startYear"/>.</summary>
    public static double[] Load(DataDirectory data, Atlas atlas, int startYear)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(atlas);
        var year = CountBefore(startYear);
        var byCode = new Dictionary<string, double>(StringComparer.Ordinal);
        var file = CsvFile.Open(data.Marginalization);
        int code = file.Column("cve_mun"), yearColumn = file.Column("year"), index = file.Column("marginalization_index");
        file.ForEachRow(row =>
        {
            if (row.WholeNumber(yearColumn, 1990, 2015) == year && row.OptionalNumber(index, -10, 10) is { } score)
            {
                byCode[row.Text(code)] = score;
            }
        });

        var municipalities = atlas.Municipalities;
        var stateMean = municipalities.Where(m => byCode.ContainsKey(m.Code.Value)).GroupBy(m => m.State)
            .ToDictionary(g => g.Key, g => g.Average(m => byCode[m.Code.Value]));
        return [.. municipalities.Select(m => byCode.TryGetValue(m.Code.Value, out var s) ? s : stateMean.GetValueOrDefault(m.State))];
    }
}
