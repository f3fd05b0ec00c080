using Paz.Core.Parameters;

namespace Paz.Planning.Deployment;

/// <summary>
/// The expected fall in a region's homicides as personnel are added, with diminishing returns:
/// averted(p) = H · m · (1 − 2^(−d / d½)), where d is personnel per 100,000 inhabitants, m the
/// largest fraction of homicides a deployment can prevent, and d½ the density that achieves half of
/// it. A default curve until the engine's security pillar supplies a response per region.
/// </summary>
/// <param name="MaximumReduction">m: largest fraction of a region's homicides a deployment prevents.</param>
/// <param name="HalfEffectDensity">d½: personnel per 100,000 inhabitants that achieve half of m.</param>
public sealed record ResponseCurve(double MaximumReduction = 0.4, double HalfEffectDensity = 150)
{
    /// <summary>Declarations of the two parameters.</summary>
    public static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        new("maximum_reduction", 0.4, "fraction of the region's homicides", "assumed", 0.05, 0.9, "largest fall in homicides that saturating a region with personnel achieves"),
        new("half_effect_density", 150, "personnel per 100,000 inhabitants", "assumed (Mexico's police, about 250,000 for 124 million, is about 200 per 100,000: seed, 'Pulling the military back')", 10, 1000, "density giving half the largest fall"),
    ];

    /// <summary>Homicides per year expected to be averted in a region of <paramref name="population"/> with <paramref name="homicides"/> a year, given <paramref name="personnel"/>.</summary>
    public double Averted(double personnel, double population, double homicides)
    {
        if (population <= 0 || personnel <= 0)
        {
            return 0;
        }

        var density = personnel * 100_000 / population;
        return homicides * MaximumReduction * (1 - Math.Pow(2, -density / HalfEffectDensity));
    }
}
