using System.Globalization;

namespace Paz.Reports.Sensitivity;

/// <summary>One parameter's bar in a tornado chart.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Value">The bar's length (μ* or a total index).</param>
/// <param name="Spread">A second, thinner measure drawn beside it (σ, or the first-order index); NaN: none.</param>
/// <param name="Assumed">Whether the parameter's value is assumed rather than sourced (drawn in orange).</param>
public sealed record TornadoBar(string Name, double Value, double Spread, bool Assumed);

/// <summary>
/// The sensitivity ranking as a tornado chart (ScottPlot, SVG): one horizontal bar per parameter, the most
/// influential on top, assumed parameters in orange so that a reader sees which conclusions rest on an assumption.
/// </summary>
public static class TornadoChart
{
    /// <summary>The chart of the <paramref name="show"/> longest bars.</summary>
    public static string Svg(IReadOnlyList<TornadoBar> bars, string title, string valueLabel, string spreadLabel, int show = 20)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var shown = bars.OrderByDescending(b => b.Value).Take(show).Reverse().ToList();
        var plot = new ScottPlot.Plot();
        var positions = new double[shown.Count];
        for (var i = 0; i < shown.Count; i++)
        {
            positions[i] = i;
            var bar = plot.Add.Bar(new ScottPlot.Bar
            {
                Position = i,
                Value = shown[i].Value,
                Size = 0.7,
                Orientation = ScottPlot.Orientation.Horizontal,
                FillColor = ScottPlot.Color.FromHex(shown[i].Assumed ? "#ff7f0e" : "#1f77b4"),
            });
            if (!double.IsNaN(shown[i].Spread))
            {
                plot.Add.Bar(new ScottPlot.Bar
                {
                    Position = i,
                    Value = shown[i].Spread,
                    Size = 0.2,
                    Orientation = ScottPlot.Orientation.Horizontal,
                    FillColor = ScottPlot.Colors.Black.WithAlpha(0.6),
                });
            }
        }

        plot.Axes.Left.SetTicks(positions, [.. shown.Select(b => b.Name)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = string.Create(CultureInfo.InvariantCulture, $"{valueLabel} (bars; blue: sourced, orange: assumed) and {spreadLabel} (black)");
        plot.Title(title);
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.02, top: 0.02);
        return plot.GetSvgXml(900, 120 + (28 * shown.Count));
    }
}
