using Paz.Planning.Regions;

namespace Paz.Planning.Deployment;

/// <summary>Personnel per region under one allocation method, with what it covers and achieves.</summary>
/// <param name="Method">"rule", "priority" or "optimized".</param>
/// <param name="Personnel">Personnel per region, in region order.</param>
/// <param name="Averted">Homicides per year expected to be averted under the response curve (the optimizer's objective).</param>
/// <param name="Regions">The regions allocated over.</param>
public sealed record Allocation(string Method, IReadOnlyList<double> Personnel, double Averted, IReadOnlyList<RegionProfile> Regions)
{
    /// <summary>Personnel deployed.</summary>
    public double Total => Personnel.Sum();

    /// <summary>Regions with personnel.</summary>
    public int RegionsServed => Personnel.Count(p => p > 0);

    /// <summary>Homicides in the year in regions with personnel.</summary>
    public double HomicidesCovered => Regions.Where((_, i) => Personnel[i] > 0).Sum(r => r.Homicides);

    /// <summary>Share of all homicides that are in regions with personnel.</summary>
    public double CoveredShare => HomicidesCovered / Regions.Sum(r => r.Homicides);

    /// <summary>Personnel per 100,000 inhabitants of the regions served.</summary>
    public double PerHundredThousand => Total * 100_000 / Math.Max(1, Regions.Where((_, i) => Personnel[i] > 0).Sum(r => r.Population));

    /// <summary>Personnel per homicide in the regions served.</summary>
    public double PerHomicide => HomicidesCovered == 0 ? 0 : Total / HomicidesCovered;
}
