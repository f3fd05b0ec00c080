using Paz.Core.Violence;
using Paz.Data.Territory;
using Paz.Data.Homicides;

namespace Paz.Data;

/// <summary>Everything loaded from the shipped data, with the quirks met on the way.</summary>
/// <param name="Source">The data folder it came from.</param>
/// <param name="Atlas">The territory.</param>
/// <param name="Homicides">The homicide series.</param>
/// <param name="Quirks">Known irregularities, each with how Paz handles it.</param>
/// <param name="Police">Civilian police by municipality and state, gaps imputed openly.</param>
/// <param name="Prisons">People in state prisons by state, legal status and year, 2010-2018.</param>
public sealed record PazDataSet(DataDirectory Source, Core.Territory.Atlas Atlas, HomicideRecord Homicides, IReadOnlyList<DataQuirk> Quirks, Core.Policing.PoliceForces Police, Justice.PrisonCensus Prisons)
{
    /// <summary>Loads the atlas, all homicide series and the police from <paramref name="data"/>.</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static PazDataSet Load(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var quirks = new List<DataQuirk>();
        var atlas = AtlasLoader.Load(data, quirks);
        var homicides = HomicideLoader.Load(data, atlas);
        quirks.AddRange(SeriesQuirks(atlas, homicides.MunicipalMonthly));
        return new PazDataSet(data, atlas, homicides, quirks, Policing.PoliceLoader.Load(data, atlas), Justice.PrisonCensus.Load(data, atlas));
    }

    private static IEnumerable<DataQuirk> SeriesQuirks(Core.Territory.Atlas atlas, MonthlySeries<Core.Territory.MunicipalityCode> series)
    {
        foreach (var code in series.Places.Where(c => !atlas.Contains(c)))
        {
            yield return new DataQuirk("counts-outside-atlas", code.Value,
                $"{series.Years.Sum(y => series.YearTotal(code, y))} homicides {series.First.Year}-{series.Last.Year} with no place in the 2020 atlas: kept in state and national totals, no rate, not on maps");
        }

        foreach (var m in atlas.Municipalities.Where(m => !series.Contains(m.Code)))
        {
            yield return new DataQuirk("no-homicide-rows", m.Code.Value,
                $"{m.Name}: no rows in the {series.First.Year}-{series.Last.Year} homicide series, which does not distinguish it from the municipality it was carved from: no series, no rate");
        }

        foreach (var code in series.Places.Where(atlas.Contains))
        {
            var population = atlas[code].Population;
            var years = series.Years.Where(y => population.In(y) is null && series.YearTotal(code, y) > 0).ToList();
            if (years.Count > 0)
            {
                yield return new DataQuirk("counts-without-population", code.Value,
                    $"{atlas[code].Name}: homicides in {string.Join(", ", years)} before its first census count ({population.FirstCountYear}): counted in totals, no rate for those years");
            }
        }
    }
}
