using Paz.Core.Common;
using Paz.Planning.Regions;

namespace Paz.Planning.Deployment;

/// <summary>
/// How regions are put into classes: by homicide-rate thresholds, or by counts of regions per
/// class taken in order of rate (the published 2019 split was 59 low, 54 medium, 153 high).
/// </summary>
/// <param name="MediumFrom">With thresholds: rate per 100,000 from which a region is medium.</param>
/// <param name="HighFrom">With thresholds: rate from which a region is high.</param>
/// <param name="Counts">With counts: how many regions are (low, medium, high), lowest rates first.</param>
public sealed record Classifier(double? MediumFrom, double? HighFrom, (int Low, int Medium, int High)? Counts)
{
    /// <summary>The published 2019 split of the 266 regions.</summary>
    public static readonly (int Low, int Medium, int High) PublishedSplit = (59, 54, 153);

    /// <summary>Classes by rate thresholds.</summary>
    public static Classifier Thresholds(double mediumFrom, double highFrom)
    {
        Check.Require(mediumFrom >= 0 && highFrom >= mediumFrom, $"thresholds must satisfy 0 ≤ medium ({mediumFrom}) ≤ high ({highFrom})");
        return new Classifier(mediumFrom, highFrom, null);
    }

    /// <summary>Classes by counts: the published split scaled to <paramref name="regions"/> when no counts are given.</summary>
    public static Classifier ByCounts(int regions, (int Low, int Medium, int High)? counts = null)
    {
        var (low, medium, high) = counts ?? Scale(PublishedSplit, regions);
        Check.Require(low >= 0 && medium >= 0 && high >= 0 && low + medium + high == regions,
            $"class counts {low}+{medium}+{high} must add up to the {regions} regions");
        return new Classifier(null, null, (low, medium, high));
    }

    /// <summary>Each region's class, in region order.</summary>
    public IReadOnlyList<InsecurityClass> Classify(IReadOnlyList<RegionProfile> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (Counts is { } counts)
        {
            var classes = new InsecurityClass[regions.Count];
            var byRate = regions.Select((r, i) => (r.Rate, i)).OrderBy(x => x.Rate).ThenBy(x => x.i).Select(x => x.i).ToList();
            for (var rank = 0; rank < byRate.Count; rank++)
            {
                classes[byRate[rank]] = rank < counts.Low ? InsecurityClass.Low : rank < counts.Low + counts.Medium ? InsecurityClass.Medium : InsecurityClass.High;
            }

            return classes;
        }

        return [.. regions.Select(r => r.Rate >= HighFrom ? InsecurityClass.High : r.Rate >= MediumFrom ? InsecurityClass.Medium : InsecurityClass.Low)];
    }

    private static (int, int, int) Scale((int Low, int Medium, int High) split, int regions)
    {
        var total = split.Low + split.Medium + split.High;
        var low = (int)Math.Round((double)split.Low * regions / total);
        var medium = (int)Math.Round((double)split.Medium * regions / total);
        return (low, medium, regions - low - medium);
    }
}
