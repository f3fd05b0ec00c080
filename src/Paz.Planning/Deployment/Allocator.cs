using Paz.Core.Common;
using Paz.Planning.Regions;

namespace Paz.Planning.Deployment;

/// <summary>Three ways to place a personnel budget across regions, for side-by-side comparison.</summary>
public static class Allocator
{
    /// <summary>Personnel moved at a time by the optimizer; 300, 450 and 600 are multiples of it.</summary>
    public const int Block = 50;

    /// <summary>
    /// The plan's rule: each region gets its class's contingent, deployed in order of class (high
    /// first) and then of homicide rate, until the budget runs out (the last region served gets what is left).
    /// </summary>
    public static Allocation Rule(IReadOnlyList<RegionProfile> regions, IReadOnlyList<InsecurityClass> classes, Contingents contingents, double budget, ResponseCurve curve)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(contingents);
        var personnel = new double[regions.Count];
        var left = budget;
        foreach (var i in Enumerable.Range(0, regions.Count).OrderByDescending(i => classes[i]).ThenByDescending(i => regions[i].Rate).ThenBy(i => i))
        {
            personnel[i] = Math.Min(contingents.Of(classes[i]), left);
            left -= personnel[i];
        }

        return Finish("rule", regions, personnel, curve);
    }

    /// <summary>
    /// Priority regions: the smallest set of regions that together hold <paramref name="share"/> of the
    /// year's homicides (most homicides first), each given <paramref name="perRegion"/> personnel, as the
    /// plan did with its first 17 regions (35% of 2018 homicides, 10,200 personnel: 600 each).
    /// </summary>
    public static Allocation Priority(IReadOnlyList<RegionProfile> regions, double share, double perRegion, ResponseCurve curve)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Check.Require(share is > 0 and <= 1, $"a share is in (0, 1], not {share}");
        var total = regions.Sum(r => r.Homicides);
        var personnel = new double[regions.Count];
        var covered = 0.0;
        foreach (var i in Enumerable.Range(0, regions.Count).OrderByDescending(i => regions[i].Homicides).ThenBy(i => i))
        {
            if (covered >= share * total)
            {
                break;
            }

            personnel[i] = perRegion;
            covered += regions[i].Homicides;
        }

        return Finish("priority", regions, personnel, curve);
    }

    /// <summary>
    /// The optimizing allocation: each next block of personnel goes where the response curve's
    /// marginal fall in homicides is largest. The curve is concave in personnel and regions are
    /// independent, so this greedy rule maximizes total homicides averted for the budget, up to one block.
    /// </summary>
    public static Allocation Optimized(IReadOnlyList<RegionProfile> regions, double budget, ResponseCurve curve)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(curve);
        var personnel = new double[regions.Count];
        double Gain(int i) => curve.Averted(personnel[i] + Block, regions[i].Population, regions[i].Homicides) - curve.Averted(personnel[i], regions[i].Population, regions[i].Homicides);
        var queue = new PriorityQueue<int, (double, int)>();
        for (var i = 0; i < regions.Count; i++)
        {
            queue.Enqueue(i, (-Gain(i), i));
        }

        for (var left = budget; left >= Block && queue.TryDequeue(out var i, out _); left -= Block)
        {
            personnel[i] += Block;
            queue.Enqueue(i, (-Gain(i), i));
        }

        return Finish("optimized", regions, personnel, curve);
    }

    /// <summary>Regions the rule gives less than half of what the optimizer would, largest shortfall first.</summary>
    public static IReadOnlyList<(RegionProfile Region, double Rule, double Optimized)> UnderServed(Allocation rule, Allocation optimized)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(optimized);
        return [.. rule.Regions.Select((r, i) => (Region: r, Rule: rule.Personnel[i], Optimized: optimized.Personnel[i]))
            .Where(x => x.Rule < x.Optimized / 2)
            .OrderByDescending(x => x.Optimized - x.Rule)];
    }

    private static Allocation Finish(string method, IReadOnlyList<RegionProfile> regions, double[] personnel, ResponseCurve curve) =>
        new(method, personnel, regions.Select((r, i) => curve.Averted(personnel[i], r.Population, r.Homicides)).Sum(), regions);
}
