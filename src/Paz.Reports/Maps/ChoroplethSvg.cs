using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>One area of a choropleth: its shape, its value (null for no data) and a hover label.</summary>
/// <param name="Shape">The boundary.</param>
/// <param name="Value">The value that picks the color.</param>
/// <param name="Label">Text shown when hovering over the area in a browser.</param>
public sealed record MapArea(Shape Shape, double? Value, string Label);

/// <summary>A classed choropleth: values colored by a <see cref="ColorScale"/>, drawn by <see cref="SvgMap"/>.</summary>
public static class ChoroplethSvg
{
    /// <summary>Renders <paramref name="areas"/> colored by <paramref name="scale"/>, with <paramref name="outlines"/> drawn on top (e.g. state lines).</summary>
    public static string Render(
        IReadOnlyList<MapArea> areas,
        IEnumerable<Shape> outlines,
        ColorScale scale,
        Func<double, string> formatBreak,
        string title,
        string subtitle,
        string legendTitle,
        string source) =>
        Render(areas, [new OutlineLayer(outlines, "#333333", 0.8)], scale, formatBreak, title, subtitle, legendTitle, source);

    /// <summary>Renders <paramref name="areas"/> colored by <paramref name="scale"/>, with layers of lines on top (e.g. region then state boundaries).</summary>
    public static string Render(
        IReadOnlyList<MapArea> areas,
        IReadOnlyList<OutlineLayer> outlines,
        ColorScale scale,
        Func<double, string> formatBreak,
        string title,
        string subtitle,
        string legendTitle,
        string source,
        string noData = "no data")
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(scale);
        var legend = scale.Labels(formatBreak).Select((label, i) => new LegendEntry(scale.Colors[i], label)).Append(new LegendEntry(scale.NoData, noData)).ToList();
        return SvgMap.Render([.. areas.Select(a => new FilledArea(a.Shape, scale.ColorOf(a.Value), a.Label))], outlines, legend, legendTitle, title, subtitle, source);
    }
}
