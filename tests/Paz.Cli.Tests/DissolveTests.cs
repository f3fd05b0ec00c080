using System.Text.Json;
using Paz.Core.Territory;
using Paz.Reports.Maps;

namespace Paz.Cli.Tests;

public class DissolveTests
{
    private static GeoPoint P(double x, double y) => new(x, y);

    // Two unit squares side by side, counter-clockwise, sharing the edge x = 1 (synthetic shapes).
    private static readonly Shape Left = new("a", [[P(0, 0), P(1, 0), P(1, 1), P(0, 1), P(0, 0)]]);
    private static readonly Shape Right = new("b", [[P(1, 0), P(2, 0), P(2, 1), P(1, 1), P(1, 0)]]);

    [Fact]
    public void ASharedEdgeDisappearsAndTheOutlineIsOneRing()
    {
        var merged = Dissolve.Merge("ab", [Left, Right]);
        var ring = Assert.Single(merged.Rings);
        Assert.Equal(ring[0], ring[^1]);
        Assert.Equal(7, ring.Length); // six boundary segments: the shared edge's two are gone
        Assert.DoesNotContain(ring.Zip(ring.Skip(1)), s => s.First.Longitude == 1 && s.Second.Longitude == 1);
    }

    [Fact]
    public void ARegionWithAHoleKeepsItAsAHoleInGeoJson()
    {
        // A 3×3 block of squares without the centre one: an outer ring and a hole.
        var squares = new List<Shape>();
        for (var x = 0; x < 3; x++)
        {
            for (var y = 0; y < 3; y++)
            {
                if (x != 1 || y != 1)
                {
                    squares.Add(new Shape($"{x}{y}", [[P(x, y), P(x + 1, y), P(x + 1, y + 1), P(x, y + 1), P(x, y)]]));
                }
            }
        }

        var merged = Dissolve.Merge("ring", squares);
        Assert.Equal(2, merged.Rings.Count);
        using var json = JsonDocument.Parse(GeoJson.FeatureCollection([(merged, new Dictionary<string, object> { ["region"] = 1 })]));
        var polygon = Assert.Single(json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates").EnumerateArray());
        Assert.Equal(2, polygon.GetArrayLength()); // exterior + hole
    }
}
