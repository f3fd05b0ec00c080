using System.Text.Json;
using Paz.Core.Territory;

namespace Paz.Data.Territory;

/// <summary>
/// Reads the polygons of one object of a TopoJSON topology (quantized, delta-encoded arcs) into
/// <see cref="Shape"/>s keyed by <c>properties.id</c>.
/// </summary>
public static class TopoJsonReader
{
    /// <summary>Reads object <paramref name="objectName"/> of the file; every id must be in <paramref name="knownIds"/>.</summary>
    /// <exception cref="DataFormatException">The file is not valid TopoJSON of the expected shape.</exception>
    public static IReadOnlyList<Shape> Read(string path, string objectName, IReadOnlySet<string> knownIds)
    {
        ArgumentNullException.ThrowIfNull(knownIds);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"expected valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new DataFormatException(path, 0, $"expected a readable file: {e.Message}", e);
        }

        using (doc)
        {
            try
            {
                return ReadShapes(path, doc.RootElement, objectName, knownIds);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException)
            {
                throw new DataFormatException(path, 0, $"expected a TopoJSON topology with object '{objectName}' of polygons: {e.Message}", e);
            }
        }
    }

    private static List<Shape> ReadShapes(string path, JsonElement root, string objectName, IReadOnlySet<string> knownIds)
    {
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var (sx, sy) = (scale[0].GetDouble(), scale[1].GetDouble());
        var (tx, ty) = (translate[0].GetDouble(), translate[1].GetDouble());

        var arcs = new List<GeoPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new GeoPoint[arc.GetArrayLength()];
            long x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                points[i++] = new GeoPoint(tx + (x * sx), ty + (y * sy));
            }

            arcs.Add(points);
        }

        var shapes = new List<Shape>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var geometry in root.GetProperty("objects").GetProperty(objectName).GetProperty("geometries").EnumerateArray())
        {
            n++;
            var id = geometry.GetProperty("properties").GetProperty("id").GetString() ?? string.Empty;
            if (!knownIds.Contains(id))
            {
                throw new DataFormatException(path, 0, $"geometry #{n} of '{objectName}': expected an id of the atlas, found '{id}'");
            }

            if (!seen.Add(id))
            {
                throw new DataFormatException(path, 0, $"geometry #{n} of '{objectName}': expected each id once, found '{id}' again");
            }

            var rings = new List<GeoPoint[]>();
            var type = geometry.GetProperty("type").GetString();
            var polygons = type switch
            {
                "Polygon" => [geometry.GetProperty("arcs")],
                "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().ToArray(),
                _ => throw new DataFormatException(path, 0, $"geometry #{n} ('{id}'): expected type Polygon or MultiPolygon, found '{type}'"),
            };
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    rings.Add(Stitch(ring, arcs));
                }
            }

            shapes.Add(new Shape(id, rings));
        }

        return shapes;
    }

    // A ring is a sequence of arc indices; ~i means arc i reversed. Consecutive arcs share their
    // joining point, so each arc after the first drops its first position.
    private static GeoPoint[] Stitch(JsonElement ring, List<GeoPoint[]> arcs)
    {
        var points = new List<GeoPoint>();
        foreach (var reference in ring.EnumerateArray())
        {
            var index = reference.GetInt32();
            var arc = index >= 0 ? arcs[index] : arcs[~index];
            var start = points.Count == 0 ? 0 : 1;
            for (var k = start; k < arc.Length; k++)
            {
                points.Add(index >= 0 ? arc[k] : arc[arc.Length - 1 - k]);
            }
        }

        return [.. points];
    }
}
