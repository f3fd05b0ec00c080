using System.Globalization;
using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>Maps of a simulated outcome (the analyst's report, the dashboard): areas valued by code, and the municipal rate map.</summary>
public static class OutcomeMaps
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The classes of a homicide rate map (per 100,000).</summary>
    public static ColorScale RateScale => new([5, 10, 20, 40, 80, 160], ColorScale.YellowOrangeRed);

    /// <summary>Mean homicides per 100,000 by municipality, with state lines.</summary>
    public static string MunicipalRate(Atlas atlas, IReadOnlyDictionary<string, double> rates, string title, string subtitle, string source)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        return ChoroplethSvg.Render(MunicipalAreas(atlas, rates, "per 100,000"), atlas.StateShapes.Values, RateScale, b => b.ToString("0", Invariant), title, subtitle, "per 100,000", source);
    }

    /// <summary>One area per state of the atlas, valued from <paramref name="values"/> by state code (no value: no data).</summary>
    public static List<MapArea> StateAreas(Atlas atlas, IReadOnlyDictionary<string, double> values, string unit) =>
        [.. atlas.States.Where(s => atlas.StateShapes.ContainsKey(s.Code.Value)).Select(s => new MapArea(
            atlas.StateShapes[s.Code.Value],
            values.TryGetValue(s.Code.Value, out var v) ? v : null,
            values.TryGetValue(s.Code.Value, out var w) ? string.Create(Invariant, $"{s.Name}: {w:0.0} {unit}") : $"{s.Name}: no value"))];

    /// <summary>One area per municipality of the atlas, valued from <paramref name="values"/> by municipality code (no value: no data).</summary>
    public static List<MapArea> MunicipalAreas(Atlas atlas, IReadOnlyDictionary<string, double> values, string unit) =>
        [.. atlas.Municipalities.Where(m => atlas.MunicipalShapes.ContainsKey(m.Code.Value)).Select(m => new MapArea(
            atlas.MunicipalShapes[m.Code.Value],
            values.TryGetValue(m.Code.Value, out var v) ? v : null,
            values.TryGetValue(m.Code.Value, out var w) ? string.Create(Invariant, $"{m.Name} ({atlas[m.State].Name}): {w:0.0} {unit}") : $"{m.Name}: no value"))];
}
