using System.Globalization;
using System.Security;
using System.Text;
using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>One filled area of a choropleth: its shape, its value (null for no data) and a hover label.</summary>
/// <param name="Shape">The boundary.</param>
/// <param name="Value">The value that picks the color.</param>
/// <param name="Label">Text shown when hovering over the area in a browser.</param>
public sealed record MapArea(Shape Shape, double? Value, string Label);

/// <summary>Draws a choropleth map as a self-contained SVG document (no scripts, no external resources).</summary>
public static class ChoroplethSvg
{
    private const double Width = 1200;
    private const double Margin = 20;
    private const double HeaderHeight = 70;
    private const double FooterHeight = 40;

    /// <summary>Renders <paramref name="areas"/> colored by <paramref name="scale"/>, with <paramref name="outlines"/> drawn on top (e.g. state lines).</summary>
    public static string Render(
        IReadOnlyList<MapArea> areas,
        IEnumerable<Shape> outlines,
        ColorScale scale,
        Func<double, string> formatBreak,
        string title,
        string subtitle,
        string legendTitle,
        string source)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(outlines);
        ArgumentNullException.ThrowIfNull(scale);
        var projection = new LambertConformalConic();
        var projected = areas.Select(a => (Area: a, Rings: a.Shape.Rings.Select(r => r.Select(projection.Project).ToArray()).ToArray())).ToList();
        var outlineRings = outlines.Select(o => o.Rings.Select(r => r.Select(projection.Project).ToArray()).ToArray()).ToList();
        var all = projected.SelectMany(p => p.Rings).SelectMany(r => r).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException("a map needs at least one area with a boundary", nameof(areas));
        }

        double minX = all.Min(p => p.X), maxX = all.Max(p => p.X), minY = all.Min(p => p.Y), maxY = all.Max(p => p.Y);
        var k = (Width - (2 * Margin)) / (maxX - minX);
        var mapHeight = (maxY - minY) * k;
        var height = HeaderHeight + mapHeight + FooterHeight;
        string Path(IEnumerable<(double X, double Y)[]> rings)
        {
            var d = new StringBuilder();
            foreach (var ring in rings)
            {
                for (var i = 0; i < ring.Length; i++)
                {
                    var x = Margin + ((ring[i].X - minX) * k);
                    var y = HeaderHeight + ((maxY - ring[i].Y) * k);
                    d.Append(i == 0 ? 'M' : 'L').Append(F(x)).Append(',').Append(F(y));
                }

                d.Append('Z');
            }

            return d.ToString();
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(Width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(Width)} {F(height)}\" font-family=\"sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Margin)}\" y=\"32\" font-size=\"22\" font-weight=\"bold\">{X(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Margin)}\" y=\"56\" font-size=\"14\" fill=\"#444\">{X(subtitle)}</text>\n");
        svg.Append("<g stroke=\"#ffffff\" stroke-width=\"0.25\" fill-rule=\"evenodd\">\n");
        foreach (var (area, rings) in projected)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<path id=\"m{X(area.Shape.Id)}\" fill=\"{scale.ColorOf(area.Value)}\" d=\"{Path(rings)}\"><title>{X(area.Label)}</title></path>\n");
        }

        svg.Append("</g>\n<g fill=\"none\" stroke=\"#333333\" stroke-width=\"0.8\">\n");
        foreach (var rings in outlineRings)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(rings)}\"/>\n");
        }

        svg.Append("</g>\n");
        AppendLegend(svg, scale, formatBreak, legendTitle, HeaderHeight + mapHeight - 230);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Margin)}\" y=\"{F(height - 14)}\" font-size=\"11\" fill=\"#666\">{X(source)}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendLegend(StringBuilder svg, ColorScale scale, Func<double, string> format, string legendTitle, double top)
    {
        var x = Margin + 10;
        svg.Append(CultureInfo.InvariantCulture, $"<g font-size=\"12\"><text x=\"{F(x)}\" y=\"{F(top)}\" font-weight=\"bold\">{X(legendTitle)}</text>\n");
        var labels = scale.Labels(format);
        for (var i = 0; i < labels.Count; i++)
        {
            var y = top + 10 + (i * 22);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"18\" height=\"16\" fill=\"{scale.Colors[i]}\" stroke=\"#999\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 26)}\" y=\"{F(y + 13)}\">{X(labels[i])}</text>\n");
        }

        var last = top + 10 + (labels.Count * 22);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(last)}\" width=\"18\" height=\"16\" fill=\"{scale.NoData}\" stroke=\"#999\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 26)}\" y=\"{F(last + 13)}\">no data</text></g>\n");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
