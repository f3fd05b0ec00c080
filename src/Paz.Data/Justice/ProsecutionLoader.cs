using System.Globalization;
using Paz.Core.Territory;
using Paz.Core.Violence;
using Paz.Data.Csv;

namespace Paz.Data.Justice;

/// <summary>
/// Each state's prosecutorial capacity relative to the nation, from who is serving a sentence for
/// homicide (ENPOL, INEGI's survey of the incarcerated) against how many homicides the state had.
/// </summary>
/// <remarks>
/// Index of a state = (ENPOL respondents sentenced for intentional homicide there / INEGI homicides there in
/// 2010-2014) / the same ratio nationally: a state that put more of its killers behind bars per killing
/// convicts more. It is a proxy — ENPOL is a sample of the prison population, not a count of convictions, and
/// sentences served in 2016 reflect convictions of earlier years — and only pre-2015 homicides enter it.
/// States with no homicides or no respondents get 1.
/// </remarks>
public static class ProsecutionLoader
{
    /// <summary>Years of homicides the sentences are set against.</summary>
    public static readonly IReadOnlyList<int> Years = [2010, 2011, 2012, 2013, 2014];

    /// <summary>The index per state, in the atlas's state order.</summary>
    public static double[] CapacityIndex(DataDirectory data, Atlas atlas, YearlySeries<StateCode> homicides)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(homicides);
        var file = CsvFile.Open(data.EnpolSentences);
        int state = file.Column("CVE_ENT"), homicide = file.Column("INTENTIONAL HOMICIDE");
        var sentenced = new Dictionary<string, int>(StringComparer.Ordinal);
        file.ForEachRow(row =>
        {
            var code = row.WholeNumber(state, 1, 32).ToString("00", CultureInfo.InvariantCulture);
            sentenced[code] = sentenced.GetValueOrDefault(code) + row.WholeNumber(homicide, 0, 1);
        });

        var killings = atlas.States.Select(s => Years.Sum(y => (double)(homicides[s.Code, y] ?? 0))).ToArray();
        var convicted = atlas.States.Select(s => (double)sentenced.GetValueOrDefault(s.Code.Value)).ToArray();
        var national = convicted.Sum() / killings.Sum();
        return [.. atlas.States.Select((_, i) => killings[i] > 0 && convicted[i] > 0 ? convicted[i] / killings[i] / national : 1)];
    }
}
