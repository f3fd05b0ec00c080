using System.Text.Json;
using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>Writes shapes as a GeoJSON FeatureCollection (RFC 7946: exterior rings counter-clockwise, holes clockwise).</summary>
public static class GeoJson
{
    /// <summary>One feature per shape, with the given properties.</summary>
    public static string FeatureCollection(IEnumerable<(Shape Shape, IReadOnlyDictionary<string, object> Properties)> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var collection = new
        {
            type = "FeatureCollection",
            features = features.Select(f => new
            {
                type = "Feature",
                properties = f.Properties,
                geometry = new { type = "MultiPolygon", coordinates = Polygons(f.Shape) },
            }),
        };
        return JsonSerializer.Serialize(collection);
    }

    // Rings whose orientation matches the largest ring's are exteriors; the others are holes of the
    // smallest exterior that contains their first vertex.
    private static List<List<double[][]>> Polygons(Shape shape)
    {
        var rings = shape.Rings.Where(r => r.Length >= 4).ToList();
        if (rings.Count == 0)
        {
            return [];
        }

        var areas = rings.Select(SignedArea).ToList();
        var outerSign = Math.Sign(areas[areas.Select(Math.Abs).ToList().IndexOf(areas.Max(Math.Abs))]);
        var exteriors = Enumerable.Range(0, rings.Count).Where(i => Math.Sign(areas[i]) == outerSign).ToList();
        var polygons = exteriors.ToDictionary(i => i, i => new List<double[][]> { Coordinates(rings[i], counterClockwise: true) });
        foreach (var hole in Enumerable.Range(0, rings.Count).Except(exteriors))
        {
            var container = exteriors.Where(e => Contains(rings[e], rings[hole][0])).OrderBy(e => Math.Abs(areas[e])).Cast<int?>().FirstOrDefault();
            if (container is { } c)
            {
                polygons[c].Add(Coordinates(rings[hole], counterClockwise: false));
            }
        }

        return [.. exteriors.Select(e => polygons[e])];
    }

    private static double[][] Coordinates(GeoPoint[] ring, bool counterClockwise)
    {
        var points = SignedArea(ring) > 0 == counterClockwise ? ring : [.. ring.Reverse()];
        return [.. points.Select(p => new[] { Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6) })];
    }

    private static double SignedArea(GeoPoint[] ring)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            sum += (ring[i].Longitude * ring[i + 1].Latitude) - (ring[i + 1].Longitude * ring[i].Latitude);
        }

        return sum / 2;
    }

    private static bool Contains(GeoPoint[] ring, GeoPoint point)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            if ((ring[i].Latitude > point.Latitude) != (ring[j].Latitude > point.Latitude)
                && point.Longitude < ((ring[j].Longitude - ring[i].Longitude) * (point.Latitude - ring[i].Latitude) / (ring[j].Latitude - ring[i].Latitude)) + ring[i].Longitude)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
