using StbImageSharp;

namespace Paz.Cli.Tests;

public class MapTests
{
    [Fact]
    public void TheHomicideMapHasOneAreaPerMunicipalityWithALegendAndTheSource()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("paz-map-").FullName, "map.svg");
        var run = PazRun.Of("atlas", "--map", "homicides", "--year", "2018", "--out", file);
        Assert.Equal(0, run.ExitCode);
        var svg = File.ReadAllText(file);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Equal(2469, CountOf(svg, "<path id=\"m"));
        Assert.Contains("Homicides per 100,000 inhabitants, 2018", svg, StringComparison.Ordinal);
        Assert.Contains("Tijuana (Baja California)", svg, StringComparison.Ordinal);
        Assert.Contains("160 and over", svg, StringComparison.Ordinal);
        Assert.Contains("Fuente: INEGI", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHomicideMapRendersInHeadlessChromiumAndIsNotBlank()
    {
        HeadlessChromium.SkipUnlessInstalled("the SVG map");

        var file = Path.Combine(Directory.CreateTempSubdirectory("paz-map-").FullName, "map.svg");
        Assert.Equal(0, PazRun.Of("atlas", "--map", "homicides", "--year", "2018", "--out", file).ExitCode);

        var png = HeadlessChromium.Screenshot(file, 1200, 1000);
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var pixels = image.Width * image.Height;
        var colors = new HashSet<int>();
        int nonWhite = 0, darkRed = 0;
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            int r = image.Data[i], g = image.Data[i + 1], b = image.Data[i + 2];
            colors.Add((r << 16) | (g << 8) | b);
            nonWhite += r + g + b < 740 ? 1 : 0;
            darkRed += Math.Abs(r - 0xb1) + Math.Abs(g - 0x00) + Math.Abs(b - 0x26) < 30 ? 1 : 0; // the top class, 160+ per 100,000
        }

        Assert.True(colors.Count > 50, $"only {colors.Count} distinct colors: the map looks blank");
        Assert.True(nonWhite > pixels / 5, $"only {nonWhite} of {pixels} pixels are not white");
        Assert.True(darkRed > 0, "no municipality is drawn in the top class, though Tecomán's 2018 rate is over 200");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
