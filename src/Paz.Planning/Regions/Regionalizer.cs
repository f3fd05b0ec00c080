using Paz.Core.Common;
using Paz.Core.Randomness;

namespace Paz.Planning.Regions;

/// <summary>Settings of a regionalization.</summary>
/// <param name="Regions">How many regions (k); the plan announced 266.</param>
/// <param name="CrossStateLines">Whether a region may span two states (the plan's regions do not).</param>
/// <param name="Seed">Seed of the generator that picks the first seed place of each state.</param>
/// <param name="MaximumPasses">Cap on local-search passes (each pass tries every boundary move once).</param>
public sealed record RegionalizationSettings(int Regions = 266, bool CrossStateLines = false, ulong Seed = 2019, int MaximumPasses = 100);

/// <summary>
/// Partitions places into k contiguous regions of balanced weight, transparently and reproducibly:
/// the report's complaint is that "the logic of how the regions will be drawn ... remains opaque".
/// </summary>
/// <remarks>
/// <para><b>Objective.</b> Minimize Σ_r (W_r / W̄ − 1)², W̄ = total weight / k, subject to every region
/// being connected on the adjacency graph and, unless allowed, lying within one state.</para>
/// <para><b>1. Regions per state.</b> Each connected part of a state (every state of the 2020 atlas is
/// one part) gets regions in proportion to its weight, by largest remainder, at least one and at most
/// one per place with weight (one per place when k demands it).</para>
/// <para><b>2. Seeds.</b> The first seed of a part is drawn with probability proportional to weight from
/// the seeded generator; each further seed is the place farthest, in adjacency steps, from the seeds so
/// far (ties drawn from the generator), which spreads regions across the part.</para>
/// <para><b>3. Growth.</b> Repeatedly the lightest region that can still grow takes the unassigned
/// neighbour most connected to it (ties: lowest index). Every place ends in exactly one region and
/// every region is connected by construction.</para>
/// <para><b>4. Local search.</b> Passes over the places in index order move a boundary place to the
/// neighbouring region that lowers the objective most, if its own region keeps at least one place and
/// stays connected; until a pass makes no move or the pass cap is reached.</para>
/// </remarks>
public static class Regionalizer
{
    /// <summary>Partitions <paramref name="graph"/> as <paramref name="settings"/> ask.</summary>
    /// <exception cref="ArgumentException">k is below the number of parts that must each hold a region, or above the number of places.</exception>
    public static Partition Partition(RegionGraph graph, RegionalizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(settings);
        var cross = settings.CrossStateLines;
        var parts = Components(graph, cross);
        Check.Require(settings.Regions >= parts.Count,
            $"k = {settings.Regions} is too small: {parts.Count} connected parts{(cross ? string.Empty : " of states")} each need a region of their own");
        Check.Require(settings.Regions <= graph.Count, $"k = {settings.Regions} exceeds the {graph.Count} places to divide");

        var random = new Xoshiro256StarStar(settings.Seed);
        var quotas = Quotas(graph, parts, settings.Regions);
        var regionOf = new int[graph.Count];
        var next = 1;
        for (var p = 0; p < parts.Count; p++)
        {
            var seeds = Seeds(graph, parts[p], quotas[p], cross, random);
            Grow(graph, parts[p], seeds, next, regionOf, cross);
            next += seeds.Count;
        }

        var mean = graph.Weights.Sum() / settings.Regions;
        Improve(graph, regionOf, settings.Regions, mean, cross, settings.MaximumPasses);
        return new Partition(graph, Renumber(regionOf));
    }

    /// <summary>Whether <paramref name="places"/>, less <paramref name="excluded"/>, form one connected piece.</summary>
    public static bool IsConnected(RegionGraph graph, IReadOnlyCollection<int> places, bool crossGroups, int excluded)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(places);
        var set = places.Where(p => p != excluded).ToHashSet();
        if (set.Count <= 1)
        {
            return true;
        }

        var start = set.First();
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>([start]);
        while (stack.TryPop(out var x))
        {
            foreach (var y in graph.Neighbours[x])
            {
                if (set.Contains(y) && graph.Usable(x, y, crossGroups) && seen.Add(y))
                {
                    stack.Push(y);
                }
            }
        }

        return seen.Count == set.Count;
    }

    private static List<List<int>> Components(RegionGraph graph, bool cross)
    {
        var seen = new bool[graph.Count];
        var parts = new List<List<int>>();
        for (var s = 0; s < graph.Count; s++)
        {
            if (seen[s])
            {
                continue;
            }

            var part = new List<int>();
            var stack = new Stack<int>([s]);
            seen[s] = true;
            while (stack.TryPop(out var x))
            {
                part.Add(x);
                foreach (var y in graph.Neighbours[x].Where(y => !seen[y] && graph.Usable(x, y, cross)))
                {
                    seen[y] = true;
                    stack.Push(y);
                }
            }

            part.Sort();
            parts.Add(part);
        }

        return parts;
    }

    private static int[] Quotas(RegionGraph graph, List<List<int>> parts, int k)
    {
        var weights = parts.Select(p => p.Sum(i => graph.Weights[i])).ToArray();
        var total = weights.Sum();
        var ideal = total > 0
            ? weights.Select(w => k * w / total).ToArray()
            : parts.Select(p => (double)k * p.Count / graph.Count).ToArray();
        // A part cannot hold more regions than places, nor (while k allows) more than places with weight:
        // a region of weightless places only (municipalities created after the year) would be empty.
        var weighted = parts.Select(p => Math.Max(1, p.Count(i => graph.Weights[i] > 0))).ToArray();
        var cap = weighted.Sum() >= k ? weighted : [.. parts.Select(p => p.Count)];
        var quotas = parts.Select((p, i) => Math.Clamp((int)Math.Floor(ideal[i]), 1, cap[i])).ToArray();
        while (quotas.Sum() < k)
        {
            var i = Enumerable.Range(0, parts.Count).Where(j => quotas[j] < cap[j]).MaxBy(j => ideal[j] - quotas[j]);
            quotas[i]++;
        }

        while (quotas.Sum() > k)
        {
            var i = Enumerable.Range(0, parts.Count).Where(j => quotas[j] > 1).MaxBy(j => quotas[j] - ideal[j]);
            quotas[i]--;
        }

        return quotas;
    }

    private static List<int> Seeds(RegionGraph graph, List<int> part, int count, bool cross, Xoshiro256StarStar random)
    {
        var total = part.Sum(i => graph.Weights[i]);
        int first;
        if (total > 0)
        {
            var target = random.NextDouble() * total;
            first = part[^1];
            foreach (var i in part)
            {
                target -= graph.Weights[i];
                if (target < 0)
                {
                    first = i;
                    break;
                }
            }
        }
        else
        {
            first = part[random.NextInt(part.Count)];
        }

        var seeds = new List<int> { first };
        var distance = part.ToDictionary(i => i, _ => int.MaxValue);
        while (seeds.Count < count)
        {
            // Hop distances from the newest seed lower each place's distance to the nearest seed.
            var queue = new Queue<int>([seeds[^1]]);
            var hops = new Dictionary<int, int> { [seeds[^1]] = 0 };
            while (queue.TryDequeue(out var x))
            {
                distance[x] = Math.Min(distance[x], hops[x]);
                foreach (var y in graph.Neighbours[x].Where(y => distance.ContainsKey(y) && graph.Usable(x, y, cross) && !hops.ContainsKey(y)))
                {
                    hops[y] = hops[x] + 1;
                    queue.Enqueue(y);
                }
            }

            // A region seeded on an empty place (a municipality created after the year) could end up
            // weightless, so seeds go to places with weight wherever the part has enough of them.
            var pool = part.Where(i => graph.Weights[i] > 0 && !seeds.Contains(i)).ToList();
            if (pool.Count == 0)
            {
                pool = [.. part.Where(i => !seeds.Contains(i))];
            }

            var farthest = pool.Max(i => distance[i]);
            var candidates = pool.Where(i => distance[i] == farthest).ToList();
            seeds.Add(candidates[random.NextInt(candidates.Count)]);
        }

        return seeds;
    }

    private static void Grow(RegionGraph graph, List<int> part, List<int> seeds, int firstRegion, int[] regionOf, bool cross)
    {
        var weight = new double[seeds.Count];
        var frontier = seeds.Select(_ => new SortedSet<int>()).ToArray();
        var unassigned = part.Count;
        void Assign(int place, int r)
        {
            regionOf[place] = firstRegion + r;
            weight[r] += graph.Weights[place];
            unassigned--;
            foreach (var f in frontier)
            {
                f.Remove(place);
            }

            foreach (var y in graph.Neighbours[place].Where(y => regionOf[y] == 0 && graph.Usable(place, y, cross)))
            {
                frontier[r].Add(y);
            }
        }

        for (var r = 0; r < seeds.Count; r++)
        {
            Assign(seeds[r], r);
        }

        while (unassigned > 0)
        {
            var r = Enumerable.Range(0, seeds.Count).Where(i => frontier[i].Count > 0).MinBy(i => (weight[i], i));
            var region = firstRegion + r;
            var place = frontier[r].MaxBy(y => graph.Neighbours[y].Count(z => regionOf[z] == region));
            Assign(place, r);
        }
    }

    private static void Improve(RegionGraph graph, int[] regionOf, int k, double mean, bool cross, int maximumPasses)
    {
        if (mean == 0)
        {
            return;
        }

        var weight = new double[k + 1];
        var members = Enumerable.Range(0, k + 1).Select(_ => new HashSet<int>()).ToArray();
        for (var i = 0; i < regionOf.Length; i++)
        {
            weight[regionOf[i]] += graph.Weights[i];
            members[regionOf[i]].Add(i);
        }

        double Cost(double w) => Math.Pow((w / mean) - 1, 2);
        for (var pass = 0; pass < maximumPasses; pass++)
        {
            var moved = false;
            for (var i = 0; i < graph.Count; i++)
            {
                var a = regionOf[i];
                var w = graph.Weights[i];
                if (w == 0 || members[a].Count == 1 || weight[a] <= w)
                {
                    continue; // never empty a region, nor strip it of its last weighted place
                }

                var best = -1;
                var bestGain = 1e-12;
                foreach (var b in graph.Neighbours[i].Where(j => regionOf[j] != a && graph.Usable(i, j, cross)).Select(j => regionOf[j]).Distinct())
                {
                    var gain = Cost(weight[a]) + Cost(weight[b]) - Cost(weight[a] - w) - Cost(weight[b] + w);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        best = b;
                    }
                }

                if (best < 0 || !IsConnected(graph, members[a], cross, excluded: i))
                {
                    continue;
                }

                members[a].Remove(i);
                members[best].Add(i);
                weight[a] -= w;
                weight[best] += w;
                regionOf[i] = best;
                moved = true;
            }

            if (!moved)
            {
                return;
            }
        }
    }

    // Numbers regions 1..k in the order of their lowest-index place, so equal partitions print alike.
    private static int[] Renumber(int[] regionOf)
    {
        var map = new Dictionary<int, int>();
        return [.. regionOf.Select(r => map.TryGetValue(r, out var n) ? n : map[r] = map.Count + 1)];
    }
}
