using System.Globalization;
using Paz.Core.Territory;
using Paz.Planning.Deployment;
using Paz.Planning.Regions;
using Paz.Planning.Transition;
using Paz.Reports.Maps;

namespace Paz.Reports.Plans;

/// <summary>Maps and geometry of plans: regions, their classes, and the phases of a transition.</summary>
public static class PlanMaps
{
    /// <summary>Twelve soft colors (ColorBrewer Set3) for telling neighbouring regions apart.</summary>
    public static readonly IReadOnlyList<string> RegionPalette =
        ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9"];

    private const string Source = "Regions: Paz regionalization of INEGI municipalities (docs/planning.md). Boundaries simplified (mxmaps). Fuente: INEGI.";

    /// <summary>Each region's outline, dissolved from its municipalities' boundaries (region order).</summary>
    public static IReadOnlyList<Shape> RegionShapes(Partition partition, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(atlas);
        return [.. partition.Members.Select((places, r) => Dissolve.Merge(
            (r + 1).ToString(CultureInfo.InvariantCulture),
            places.Select(i => atlas.Municipalities[i].Code.Value).Where(atlas.MunicipalShapes.ContainsKey).Select(c => atlas.MunicipalShapes[c])))];
    }

    /// <summary>Regions as GeoJSON features with their number, states, population, homicides and rate.</summary>
    public static string RegionsGeoJson(IReadOnlyList<Shape> shapes, IReadOnlyList<RegionProfile> regions)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentNullException.ThrowIfNull(regions);
        return GeoJson.FeatureCollection(regions.Select((r, i) => (shapes[i], (IReadOnlyDictionary<string, object>)new Dictionary<string, object>
        {
            ["region"] = r.Region,
            ["states"] = r.States,
            ["municipalities"] = r.Places.Count,
            ["population"] = Math.Round(r.Population),
            ["homicides"] = r.Homicides,
            ["rate_per_100k"] = Math.Round(r.Rate, 2),
        })));
    }

    /// <summary>Municipalities colored by region (neighbouring regions differ), region and state boundaries on top.</summary>
    public static string RegionsMap(Partition partition, Atlas atlas, IReadOnlyList<Shape> regionShapes, IReadOnlyList<RegionProfile> regions, string weightLabel)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(atlas);
        var colors = Colors(partition);
        var areas = atlas.Municipalities.Select((m, i) => (m, i))
            .Where(x => atlas.MunicipalShapes.ContainsKey(x.m.Code.Value))
            .Select(x =>
            {
                var r = regions[partition.RegionOf[x.i] - 1];
                return new FilledArea(atlas.MunicipalShapes[x.m.Code.Value], colors[r.Region - 1],
                    string.Create(CultureInfo.InvariantCulture, $"Region {r.Region} ({r.States}): {x.m.Name}; region population {r.Population:N0}, homicides {r.Homicides:N0}"));
            }).ToList();
        return SvgMap.Render(areas,
            [new OutlineLayer(regionShapes, "#555555", 0.6), new OutlineLayer(atlas.StateShapes.Values, "#111111", 1.4)],
            [new LegendEntry(RegionPalette[0], "one color per region (neighbours differ)")],
            "Guard regions",
            $"{partition.Count} contiguous regions balancing {weightLabel}",
            "Thin lines: region boundaries; thick lines: states. Hover a municipality for its region.",
            Source);
    }

    /// <summary>Regions filled by insecurity class.</summary>
    public static string ClassesMap(IReadOnlyList<Shape> regionShapes, IReadOnlyList<RegionProfile> regions, IReadOnlyList<InsecurityClass> classes, Contingents contingents, Atlas atlas, int year)
    {
        ArgumentNullException.ThrowIfNull(regionShapes);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(contingents);
        ArgumentNullException.ThrowIfNull(atlas);
        var fill = new Dictionary<InsecurityClass, string> { [InsecurityClass.Low] = "#fee8c8", [InsecurityClass.Medium] = "#fdbb84", [InsecurityClass.High] = "#e34a33" };
        var areas = regions.Select((r, i) => new FilledArea(regionShapes[i], fill[classes[i]],
            string.Create(CultureInfo.InvariantCulture, $"Region {r.Region} ({r.States}): {classes[i]}, {r.Rate:0.0} per 100,000 in {year}, {contingents.Of(classes[i])} personnel"))).ToList();
        return SvgMap.Render(areas, [new OutlineLayer(atlas.StateShapes.Values, "#111111", 1.2)],
            [.. Enum.GetValues<InsecurityClass>().Select(c => new LegendEntry(fill[c], $"{c} ({classes.Count(x => x == c)} regions, {contingents.Of(c)} each)"))],
            "Insecurity class", $"Insecurity classes of the Guard regions, {year}", "Class from each region's homicide rate; contingent by class.", Source);
    }

    /// <summary>The transition after <paramref name="phase"/>: handed over, handing over now, later, and held by the military.</summary>
    public static string TransitionMap(IReadOnlyList<Shape> regionShapes, TransitionPlan plan, int phase, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(regionShapes);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(atlas);
        const string done = "#1a9850", now = "#91cf60", later = "#d9ef8b", held = "#bdbdbd";
        var areas = plan.Regions.Select((r, i) =>
        {
            var (fill, status) = r.Phase switch
            {
                null => (held, "military stays: " + r.Reason),
                var p when p < phase => (done, $"handed over in phase {p}"),
                var p when p == phase => (now, $"phase {p}: joint patrols from {r.Start}, military leaves {r.MilitaryExit}"),
                var p => (later, $"phase {p}"),
            };
            return new FilledArea(regionShapes[i], fill, $"Region {r.Region.Region} ({r.Region.States}): {status}");
        }).ToList();
        var start = plan.Settings.Start.AddMonths((phase - 1) * plan.Settings.PhaseMonths);
        return SvgMap.Render(areas, [new OutlineLayer(atlas.StateShapes.Values, "#111111", 1.2)],
            [new LegendEntry(done, "civilian policing (earlier phases)"), new LegendEntry(now, $"phase {phase}: joint patrols, then handover"), new LegendEntry(later, "later phases"), new LegendEntry(held, "military stays (entry conditions not met)")],
            "Handover", $"Transition phase {phase} of {plan.Phases}, from {start}", "Concentric circles from the safest core of each safe cluster outward.", Source);
    }

    private static string[] Colors(Partition partition)
    {
        var neighbours = Enumerable.Range(0, partition.Count).Select(_ => new HashSet<int>()).ToArray();
        foreach (var (a, b) in partition.RegionAdjacency())
        {
            neighbours[a - 1].Add(b - 1);
            neighbours[b - 1].Add(a - 1);
        }

        var color = new int[partition.Count];
        for (var r = 0; r < partition.Count; r++)
        {
            var used = neighbours[r].Where(n => n < r).Select(n => color[n]).ToHashSet();
            color[r] = Enumerable.Range(0, RegionPalette.Count).FirstOrDefault(c => !used.Contains(c));
        }

        return [.. color.Select(c => RegionPalette[c])];
    }
}
