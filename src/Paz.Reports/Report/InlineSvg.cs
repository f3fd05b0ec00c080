namespace Paz.Reports.Report;

/// <summary>An SVG document made fit to sit inside an HTML page.</summary>
internal static class InlineSvg
{
    /// <summary><paramref name="svg"/> without its XML declaration, which is not allowed inside HTML.</summary>
    public static string Of(string svg) =>
        svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
}
