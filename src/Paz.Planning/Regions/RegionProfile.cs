using Paz.Core.Territory;
using Paz.Core.Violence;

namespace Paz.Planning.Regions;

/// <summary>A region's people and violence in one year.</summary>
/// <param name="Region">Region number (1-based).</param>
/// <param name="Places">Municipality indices (atlas order).</param>
/// <param name="States">Names of the states it lies in.</param>
/// <param name="Population">Population in the year.</param>
/// <param name="Homicides">Homicides that occurred in the year.</param>
public sealed record RegionProfile(int Region, IReadOnlyList<int> Places, string States, double Population, double Homicides)
{
    /// <summary>Homicides per 100,000 inhabitants.</summary>
    public double Rate => Rates.Per100k(Homicides, Population) ?? 0;

    /// <summary>Profiles of every region of <paramref name="partition"/> (built on the atlas) in <paramref name="year"/>.</summary>
    public static IReadOnlyList<RegionProfile> Of(Partition partition, Atlas atlas, MonthlySeries<MunicipalityCode> homicides, int year)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(homicides);
        return [.. partition.Members.Select((places, r) =>
        {
            var municipalities = places.Select(i => atlas.Municipalities[i]).ToList();
            return new RegionProfile(
                r + 1,
                places,
                string.Join(" / ", municipalities.Select(m => atlas[m.State].Name).Distinct()),
                municipalities.Sum(m => m.Population.In(year) ?? 0),
                municipalities.Where(m => homicides.Contains(m.Code)).Sum(m => (double)homicides.YearTotal(m.Code, year)));
        })];
    }
}
