using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>
/// Merges adjacent polygons into one outline (a "dissolve"), the way topojson.merge does: the
/// shapes come from one topology, so a boundary two of them share has exactly the same vertices
/// in both, once in each direction. Those segments cancel; what remains is the outline, chained
/// back into closed rings.
/// </summary>
public static class Dissolve
{
    /// <summary>The outline of the union of <paramref name="shapes"/> as closed rings (outer rings and holes).</summary>
    public static Shape Merge(string id, IEnumerable<Shape> shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        var count = new Dictionary<(GeoPoint, GeoPoint), int>();
        var directed = new List<(GeoPoint From, GeoPoint To)>();
        foreach (var ring in shapes.SelectMany(s => s.Rings))
        {
            for (var i = 0; i + 1 < ring.Length; i++)
            {
                var (p, q) = (ring[i], ring[i + 1]);
                if (p == q)
                {
                    continue;
                }

                directed.Add((p, q));
                var key = Key(p, q);
                count[key] = count.GetValueOrDefault(key) + 1;
            }
        }

        var outgoing = new Dictionary<GeoPoint, Queue<GeoPoint>>();
        foreach (var (p, q) in directed.Where(s => count[Key(s.From, s.To)] == 1))
        {
            if (!outgoing.TryGetValue(p, out var queue))
            {
                outgoing[p] = queue = new Queue<GeoPoint>();
            }

            queue.Enqueue(q);
        }

        var rings = new List<GeoPoint[]>();
        foreach (var (start, _) in directed.Where(s => count[Key(s.From, s.To)] == 1))
        {
            if (!outgoing.TryGetValue(start, out var first) || first.Count == 0)
            {
                continue;
            }

            var ring = new List<GeoPoint> { start };
            var at = start;
            while (outgoing.TryGetValue(at, out var next) && next.Count > 0)
            {
                at = next.Dequeue();
                ring.Add(at);
                if (at == start)
                {
                    break;
                }
            }

            if (ring.Count >= 4)
            {
                rings.Add([.. ring]);
            }
        }

        return new Shape(id, rings);
    }

    private static (GeoPoint, GeoPoint) Key(GeoPoint p, GeoPoint q) =>
        (p.Longitude, p.Latitude).CompareTo((q.Longitude, q.Latitude)) <= 0 ? (p, q) : (q, p);
}
