using System.Globalization;
using System.Security;
using System.Text;
using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>An area of a map with its fill and the text shown when hovering over it in a browser.</summary>
/// <param name="Shape">The boundary.</param>
/// <param name="Fill">A CSS color.</param>
/// <param name="Label">Hover text.</param>
public sealed record FilledArea(Shape Shape, string Fill, string Label);

/// <summary>Lines drawn over the areas, e.g. state or region boundaries.</summary>
/// <param name="Shapes">The boundaries to draw.</param>
/// <param name="Stroke">A CSS color.</param>
/// <param name="Width">Line width in pixels.</param>
public sealed record OutlineLayer(IEnumerable<Shape> Shapes, string Stroke, double Width);

/// <summary>One row of a legend: a swatch and its meaning.</summary>
/// <param name="Color">Swatch color.</param>
/// <param name="Label">What it means.</param>
public sealed record LegendEntry(string Color, string Label);

/// <summary>Draws a map of Mexico as a self-contained SVG document (no scripts, no external resources).</summary>
public static class SvgMap
{
    private const double Width = 1200;
    private const double Margin = 20;
    private const double HeaderHeight = 70;
    private const double FooterHeight = 40;

    /// <summary>Renders the areas, then the outline layers in order, a legend at lower left, a title and a source line.</summary>
    public static string Render(
        IReadOnlyList<FilledArea> areas,
        IReadOnlyList<OutlineLayer> outlines,
        IReadOnlyList<LegendEntry> legend,
        string legendTitle,
        string title,
        string subtitle,
        string source)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(outlines);
        ArgumentNullException.ThrowIfNull(legend);
        var projection = new LambertConformalConic();
        (double X, double Y)[][] Project(Shape s) => [.. s.Rings.Select(r => r.Select(projection.Project).ToArray())];
        var projected = areas.Select(a => (Area: a, Rings: Project(a.Shape))).ToList();
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
                    d.Append(i == 0 ? 'M' : 'L').Append(F(Margin + ((ring[i].X - minX) * k))).Append(',').Append(F(HeaderHeight + ((maxY - ring[i].Y) * k)));
                }

                d.Append('Z');
            }

            return d.ToString();
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(Width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(Width)} {F(height)}\" font-family=\"sans-serif\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Margin)}\" y=\"32\" font-size=\"22\" font-weight=\"bold\">{X(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Margin)}\" y=\"56\" font-size=\"14\" fill=\"#444\">{X(subtitle)}</text>\n");
        svg.Append("<g stroke=\"#ffffff\" stroke-width=\"0.25\" fill-rule=\"evenodd\">\n");
        foreach (var (area, rings) in projected)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path id=\"m{X(area.Shape.Id)}\" fill=\"{area.Fill}\" d=\"{Path(rings)}\"><title>{X(area.Label)}</title></path>\n");
        }

        svg.Append("</g>\n");
        foreach (var layer in outlines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g fill=\"none\" stroke=\"{layer.Stroke}\" stroke-width=\"{F(layer.Width)}\" stroke-linejoin=\"round\">\n");
            foreach (var shape in layer.Shapes)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(Project(shape))}\"/>\n");
            }

            svg.Append("</g>\n");
        }

        var top = HeaderHeight + mapHeight - 20 - (22 * legend.Count);
        var x = Margin + 10;
        svg.Append(CultureInfo.InvariantCulture, $"<g font-size=\"12\"><text x=\"{F(x)}\" y=\"{F(top)}\" font-weight=\"bold\">{X(legendTitle)}</text>\n");
        for (var i = 0; i < legend.Count; i++)
        {
            var y = top + 10 + (i * 22);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"18\" height=\"16\" fill=\"{legend[i].Color}\" stroke=\"#999\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 26)}\" y=\"{F(y + 13)}\">{X(legend[i].Label)}</text>\n");
        }

        svg.Append("</g>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Margin)}\" y=\"{F(height - 14)}\" font-size=\"11\" fill=\"#666\">{X(source)}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
