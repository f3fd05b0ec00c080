using Paz.Core.Territory;

namespace Paz.Core.Violence;

/// <summary>One year of national homicides: by occurrence (sum of municipal death certificates) and by registration (INEGI's headline).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Occurred">Homicides that occurred in the year, summed over municipalities; null outside the municipal series.</param>
/// <param name="Population">National population from the atlas (see <see cref="CensusPopulation"/>); null outside the census range used.</param>
/// <param name="OccurredRate">Occurred per 100,000.</param>
/// <param name="Registered">Homicides registered in the year (definitive, else preliminary).</param>
/// <param name="RegisteredIsPreliminary">Whether <paramref name="Registered"/> is the preliminary figure.</param>
/// <param name="RegisteredRate">Rate of the registration series (published, else computed on its own mid-year population).</param>
public sealed record NationalHomicideSummary(
    int Year,
    long? Occurred,
    double? Population,
    double? OccurredRate,
    int? Registered,
    bool RegisteredIsPreliminary,
    double? RegisteredRate);

/// <summary>A municipality's homicides and rate in one year.</summary>
/// <param name="Code">Municipality code.</param>
/// <param name="Name">Municipality name.</param>
/// <param name="State">State name.</param>
/// <param name="Population">Population in the year.</param>
/// <param name="Homicides">Homicides that occurred in the year.</param>
/// <param name="Rate">Homicides per 100,000.</param>
public sealed record MunicipalHomicideRate(MunicipalityCode Code, string Name, string State, double Population, int Homicides, double Rate);

/// <summary>Summaries of the homicide record over the atlas: what <c>paz atlas</c> prints.</summary>
public static class HomicideOverview
{
    /// <summary>
    /// National homicides per year for every year either series has, occurrence and registration
    /// side by side, earliest first.
    /// </summary>
    public static IReadOnlyList<NationalHomicideSummary> NationalByYear(Atlas atlas, HomicideRecord record)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(record);
        var series = record.MunicipalMonthly;
        var registered = record.National.ToDictionary(n => n.Year);
        var years = series.Years.Concat(registered.Keys).Distinct().Order();
        return [.. years.Select(year =>
        {
            long? occurred = series.Years.Contains(year) ? series.YearTotal(year) : null;
            double? population = occurred is null ? null : atlas.Population(year);
            var r = registered.GetValueOrDefault(year);
            return new NationalHomicideSummary(
                year,
                occurred,
                population,
                occurred is { } o ? Rates.Per100k(o, population) : null,
                r?.Count,
                r?.IsPreliminary ?? false,
                r?.Rate);
        })];
    }

    /// <summary>
    /// Every atlas municipality with a homicide series and a population in <paramref name="year"/>,
    /// with its rate; municipalities without either are left out (see the data quirks).
    /// </summary>
    public static IReadOnlyList<MunicipalHomicideRate> MunicipalRates(Atlas atlas, MonthlySeries<MunicipalityCode> series, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(series);
        var list = new List<MunicipalHomicideRate>();
        foreach (var m in atlas.Municipalities)
        {
            if (!series.Contains(m.Code) || m.Population.In(year) is not { } population)
            {
                continue;
            }

            var homicides = series.YearTotal(m.Code, year);
            list.Add(new MunicipalHomicideRate(m.Code, m.Name, atlas[m.State].Name, population, homicides, Rates.Per100k(homicides, population)!.Value));
        }

        return list;
    }

    /// <summary>
    /// The <paramref name="count"/> municipalities with the highest homicide rate in <paramref name="year"/>
    /// among those with at least <paramref name="minimumPopulation"/> inhabitants; ties by code.
    /// </summary>
    public static IReadOnlyList<MunicipalHomicideRate> HighestRates(
        Atlas atlas, MonthlySeries<MunicipalityCode> series, int year, double minimumPopulation, int count) =>
        [.. MunicipalRates(atlas, series, year)
            .Where(r => r.Population >= minimumPopulation)
            .OrderByDescending(r => r.Rate)
            .ThenBy(r => r.Code)
            .Take(count)];
}
