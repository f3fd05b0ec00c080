using System.Globalization;
using Paz.Core.Territory;
using Paz.Core.Violence;

namespace Paz.Reports.Maps;

/// <summary>The maps of the atlas itself: the homicide rate and the population of each municipality.</summary>
public static class AtlasMaps
{
    /// <summary>Source line printed under every atlas map.</summary>
    public const string Source = "Fuente: INEGI (deaths by municipality of occurrence, via Gargiulo, Aburto & Floridi, OSF u8dc3; population from censuses, interpolated). Boundaries simplified (mxmaps).";

    /// <summary>Homicides per 100,000 inhabitants by municipality in <paramref name="year"/>.</summary>
    public static string HomicideRate(Atlas atlas, MonthlySeries<MunicipalityCode> series, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(series);
        var rates = HomicideOverview.MunicipalRates(atlas, series, year).ToDictionary(r => r.Code);
        var areas = Areas(atlas, m => rates.TryGetValue(m.Code, out var r)
            ? (r.Rate, $"{m.Name} ({atlas[m.State].Name}): {r.Homicides:N0} homicides, {r.Rate:0.0} per 100,000")
            : (null, $"{m.Name} ({atlas[m.State].Name}): no data for {year}"));
        var scale = OutcomeMaps.RateScale;
        var national = Rates.Per100k(series.YearTotal(year), atlas.Population(year));
        return ChoroplethSvg.Render(areas, atlas.StateShapes.Values, scale, b => b.ToString("0", CultureInfo.InvariantCulture),
            $"Homicides per 100,000 inhabitants, {year}",
            $"By municipality of occurrence; national rate {national:0.0}",
            "per 100,000", Source);
    }

    /// <summary>Population by municipality in <paramref name="year"/>.</summary>
    public static string Population(Atlas atlas, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var areas = Areas(atlas, m => m.Population.In(year) is { } p
            ? (p, $"{m.Name} ({atlas[m.State].Name}): {p:N0} inhabitants")
            : (null, $"{m.Name} ({atlas[m.State].Name}): not yet created in {year}"));
        var scale = new ColorScale([5_000, 15_000, 50_000, 100_000, 500_000, 1_000_000], ColorScale.YellowOrangeRed);
        return ChoroplethSvg.Render(areas, atlas.StateShapes.Values, scale, b => b.ToString("N0", CultureInfo.InvariantCulture),
            $"Population, {year}", $"National population {atlas.Population(year):N0}", "inhabitants", Source);
    }

    private static List<MapArea> Areas(Atlas atlas, Func<Municipality, (double? Value, string Label)> describe) =>
        [.. atlas.Municipalities
            .Where(m => atlas.MunicipalShapes.ContainsKey(m.Code.Value))
            .Select(m =>
            {
                var (value, label) = describe(m);
                return new MapArea(atlas.MunicipalShapes[m.Code.Value], value, label);
            })];
}
