namespace Paz.Reports.Maps;

/// <summary>
/// A classed color scale: values below <c>Breaks[0]</c> take the first color, values at or above
/// <c>Breaks[i]</c> take color <c>i + 1</c>. Classed rather than continuous because readers compare
/// classes on a map better than shades.
/// </summary>
/// <param name="Breaks">Ascending class boundaries; one fewer than <paramref name="Colors"/>.</param>
/// <param name="Colors">CSS colors, lightest (lowest) first.</param>
/// <param name="NoData">Color of places without a value.</param>
public sealed record ColorScale(IReadOnlyList<double> Breaks, IReadOnlyList<string> Colors, string NoData = "#d9d9d9")
{
    /// <summary>Seven-class yellow-orange-red (ColorBrewer YlOrRd), for rates and counts.</summary>
    public static readonly IReadOnlyList<string> YellowOrangeRed = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"];

    /// <summary>The color of a value, or <see cref="NoData"/> for null.</summary>
    public string ColorOf(double? value)
    {
        if (value is not { } v)
        {
            return NoData;
        }

        var i = 0;
        while (i < Breaks.Count && v >= Breaks[i])
        {
            i++;
        }

        return Colors[i];
    }

    /// <summary>Legend labels, one per color.</summary>
    public IReadOnlyList<string> Labels(Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var labels = new List<string> { $"under {format(Breaks[0])}" };
        for (var i = 1; i < Breaks.Count; i++)
        {
            labels.Add($"{format(Breaks[i - 1])} – {format(Breaks[i])}");
        }

        labels.Add($"{format(Breaks[^1])} and over");
        return labels;
    }
}
