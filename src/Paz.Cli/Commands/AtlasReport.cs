using Paz.Core.Violence;
using Paz.Data;

namespace Paz.Cli.Commands;

/// <summary>What <c>paz atlas</c> reports, in the shape its JSON takes (snake_case on output).</summary>
/// <param name="Data">The data folder read.</param>
/// <param name="Year">The year of the ranking.</param>
/// <param name="States">Number of states.</param>
/// <param name="Municipalities">Number of municipalities.</param>
/// <param name="Adjacencies">Number of adjacent pairs.</param>
/// <param name="Population">National population at the 2015 and 2020 counts.</param>
/// <param name="National">National homicides per year, occurrence and registration.</param>
/// <param name="HighestRates">The municipalities with the highest rates in <paramref name="Year"/>.</param>
/// <param name="HighestRatesMinimumPopulation">The population a municipality needs to be ranked.</param>
/// <param name="Quirks">Known data irregularities and their handling.</param>
public sealed record AtlasReport(
    string Data,
    int Year,
    int States,
    int Municipalities,
    int Adjacencies,
    IReadOnlyDictionary<string, double> Population,
    IReadOnlyList<NationalHomicideSummary> National,
    IReadOnlyList<MunicipalHomicideRate> HighestRates,
    double HighestRatesMinimumPopulation,
    IReadOnlyList<DataQuirk> Quirks)
{
    /// <summary>Builds the report from loaded data.</summary>
    public static AtlasReport Build(PazDataSet data, int year, int top, double minimumPopulation)
    {
        ArgumentNullException.ThrowIfNull(data);
        var atlas = data.Atlas;
        return new AtlasReport(
            data.Source.Root,
            year,
            atlas.States.Count,
            atlas.Municipalities.Count,
            atlas.Adjacencies.Count,
            new Dictionary<string, double>
            {
                ["2015"] = atlas.Municipalities.Sum(m => m.Population.CountIn(2015) ?? 0),
                ["2020"] = atlas.Municipalities.Sum(m => m.Population.CountIn(2020) ?? 0),
            },
            HomicideOverview.NationalByYear(atlas, data.Homicides),
            HomicideOverview.HighestRates(atlas, data.Homicides.MunicipalMonthly, year, minimumPopulation, top),
            minimumPopulation,
            data.Quirks);
    }
}
