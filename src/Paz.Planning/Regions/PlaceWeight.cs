using System.Globalization;
using Paz.Core.Common;
using Paz.Core.Territory;
using Paz.Core.Violence;

namespace Paz.Planning.Regions;

/// <summary>
/// What regions balance: population, homicides, or a mix of their national shares
/// (<c>mix:a</c> weighs a municipality a·population share + (1 − a)·homicide share).
/// </summary>
/// <param name="Kind">"population", "homicides" or "mix".</param>
/// <param name="PopulationShare">For a mix, the weight a of population (0..1).</param>
public sealed record PlaceWeight(string Kind, double PopulationShare = 1)
{
    /// <summary>Parses "population", "homicides" or "mix:a" with 0 ≤ a ≤ 1.</summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static PlaceWeight Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text is "population" or "homicides")
        {
            return new PlaceWeight(text, text == "population" ? 1 : 0);
        }

        if (text.StartsWith("mix:", StringComparison.Ordinal)
            && double.TryParse(text.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a is >= 0 and <= 1)
        {
            return new PlaceWeight("mix", a);
        }

        throw new FormatException($"a weight is 'population', 'homicides' or 'mix:a' with a from 0 to 1, not '{text}'");
    }

    /// <summary>The weight of every atlas municipality (atlas order) in <paramref name="year"/>.</summary>
    public double[] Of(Atlas atlas, MonthlySeries<MunicipalityCode> homicides, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(homicides);
        Check.Require(year >= homicides.First.Year && year <= homicides.Last.Year, $"year {year} is outside the homicide series {homicides.First.Year}-{homicides.Last.Year}");
        var population = atlas.Municipalities.Select(m => m.Population.In(year) ?? 0).ToArray();
        var killings = atlas.Municipalities.Select(m => homicides.Contains(m.Code) ? (double)homicides.YearTotal(m.Code, year) : 0).ToArray();
        return Kind switch
        {
            "population" => population,
            "homicides" => killings,
            _ => [.. population.Zip(killings, (p, h) => (PopulationShare * p / population.Sum()) + ((1 - PopulationShare) * h / killings.Sum()))],
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind == "mix" ? string.Create(CultureInfo.InvariantCulture, $"mix:{PopulationShare}") : Kind;
}
