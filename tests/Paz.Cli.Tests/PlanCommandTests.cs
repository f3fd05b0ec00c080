using System.Text.Json;
using StbImageSharp;

namespace Paz.Cli.Tests;

public class PlanCommandTests
{
    private static readonly Lazy<string> RegionsFolder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("paz-plan-").FullName;
        var run = PazRun.Of("plan", "regions", "--k", "266", "--weight", "population", "--year", "2018", "--out", folder);
        Assert.Equal(0, run.ExitCode);
        return folder;
    });

    [Fact]
    public void RegionsWritesEveryMunicipalityOnceAndOneGeoJsonFeaturePerRegion()
    {
        var lines = File.ReadAllLines(Path.Combine(RegionsFolder.Value, "regions.csv"));
        Assert.Equal("cve_mun,region", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(2469, rows.Count);
        Assert.Equal(2469, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(266, rows.Select(r => r[1]).Distinct().Count());
        Assert.Contains(rows, r => r[0] == "01001");

        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(RegionsFolder.Value, "regions.geojson")));
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(266, features.Count);
        Assert.All(features, f => Assert.NotEqual(0, f.GetProperty("geometry").GetProperty("coordinates").GetArrayLength()));
    }

    [Fact]
    public void RegionsPrintsTheObjectiveAndBalanceAsJson()
    {
        var run = PazRun.Of("plan", "regions", "--weight", "homicides", "--out", Directory.CreateTempSubdirectory("paz-plan-").FullName, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var balance = json.RootElement.GetProperty("balance");
        Assert.True(balance.GetProperty("minimum").GetDouble() <= balance.GetProperty("median").GetDouble());
        Assert.True(balance.GetProperty("median").GetDouble() <= balance.GetProperty("maximum").GetDouble());
        Assert.True(json.RootElement.GetProperty("objective").GetDouble() > 0);
    }

    [Fact]
    public void PriorityPrintsItsRegionCountNextToThePlans17()
    {
        var run = PazRun.Of("plan", "priority", "--share", "0.35", "--year", "2018");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+ of 266 regions .* hold \d+\.\d% of 2018 homicides", run.Output);
        Assert.Contains("The plan: 17 regions, 35% of 2018 homicides, 10,200 personnel", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocatePrintsRuleAndOptimizedObjectivesAndTheOptimizerWins()
    {
        var run = PazRun.Of("plan", "allocate", "--budget", "50000", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var averted = json.RootElement.GetProperty("allocations").EnumerateArray()
            .ToDictionary(a => a.GetProperty("method").GetString()!, a => a.GetProperty("homicides_averted").GetDouble());
        Assert.True(averted["optimized"] > averted["rule"]);

        var table = PazRun.Of("plan", "allocate", "--budget", "50000");
        Assert.Contains("Objective (expected homicides averted per year", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"rule [\d,]+, optimized [\d,]+", table.Output);
    }

    [Fact]
    public void TransitionWritesACsvAndAnHtmlPlanWithAMapPerPhase()
    {
        var folder = Directory.CreateTempSubdirectory("paz-transition-").FullName;
        var run = PazRun.Of("plan", "transition", "--out", folder, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var phases = json.RootElement.GetProperty("phases").GetArrayLength();
        Assert.True(phases >= 1);
        var html = File.ReadAllText(Path.Combine(folder, "transition.html"));
        Assert.Equal(phases, html.Split("<svg ").Length - 1);
        Assert.Contains("Phase 1: joint patrols from", html, StringComparison.Ordinal);
        Assert.StartsWith("region,states,population,rate_last_month", File.ReadLines(Path.Combine(folder, "transition.csv")).First(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan", "regions", "--weight", "guns", "--out", "/tmp/paz-x")]
    [InlineData("plan", "regions", "--k", "10", "--out", "/tmp/paz-x")]
    [InlineData("plan", "regions")]
    [InlineData("plan", "classify", "--counts", "1,2")]
    [InlineData("plan", "transition", "--start", "June", "--out", "/tmp/paz-x")]
    public void BadPlanInputsAreUsageErrors(params string[] args)
    {
        var run = PazRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("paz: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRegionsMapRendersInHeadlessChromiumAndShowsTheRegions()
    {
        HeadlessChromium.SkipUnlessInstalled("the regions map");

        var png = HeadlessChromium.Screenshot(Path.Combine(RegionsFolder.Value, "regions.svg"), 1200, 1000);
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var palette = new[] { 0x8dd3c7, 0xffffb3, 0xbebada, 0xfb8072, 0x80b1d3 };
        var counts = new int[palette.Length];
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            var rgb = (image.Data[i] << 16) | (image.Data[i + 1] << 8) | image.Data[i + 2];
            var k = Array.IndexOf(palette, rgb);
            if (k >= 0)
            {
                counts[k]++;
            }
        }

        // At least four region colors each cover a visible part of the image: the regions are drawn, not a blank page.
        Assert.True(counts.Count(c => c > 2000) >= 4, string.Join(", ", counts));
    }
}
