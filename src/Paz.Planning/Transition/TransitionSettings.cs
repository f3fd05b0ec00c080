using Paz.Core.Policing;
using Paz.Core.Territory;
using Paz.Core.Violence;
using Paz.Planning.Regions;

namespace Paz.Planning.Transition;

/// <summary>
/// Entry conditions and timing of a military-to-civilian handover plan. The report asks that "under
/// what conditions the military starts gradually pulling back" be specified in advance; these are
/// those conditions, each a number an analyst can change.
/// </summary>
/// <param name="Start">Month the first phase starts.</param>
/// <param name="MaximumRate">Entry: annualized monthly homicide rate per 100,000 below this ...</param>
/// <param name="MonthsBelow">... for at least this many consecutive months up to the last month of data.</param>
/// <param name="MinimumPolice">Entry: municipal and state police per 100,000 inhabitants at least this. Default 180: SESNSP's
/// Modelo Óptimo de la Función Policial (2017) asks 1.8 per 1,000 of state preventive police alone; applying it to
/// municipal and state police together is an assumed, lenient transfer.</param>
/// <param name="PhaseMonths">Months between the starts of consecutive phases.</param>
/// <param name="OverlapMonths">Months the military and the civilian police patrol together before the military leaves.</param>
/// <param name="ReserveShare">Share of a handed-over region's contingent kept in reserve to re-intervene.</param>
/// <param name="ReentryRate">Re-intervention trigger: annualized rate per 100,000 above this for two consecutive months.</param>
public sealed record TransitionSettings(
    YearMonth Start,
    double MaximumRate = 15,
    int MonthsBelow = 6,
    double MinimumPolice = 180,
    int PhaseMonths = 6,
    int OverlapMonths = 6,
    double ReserveShare = 0.2,
    double ReentryRate = 22.5);

/// <summary>Civilian police strength per region, with where the figure comes from.</summary>
/// <param name="PerHundredThousand">Police per 100,000 inhabitants, in region order.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record PoliceStrength(IReadOnlyList<double> PerHundredThousand, string Source)
{
    /// <summary>
    /// Each region's municipal and state police (the municipalities' officers in <paramref name="year"/>
    /// summed) per 100,000 of its inhabitants: real figures where the census has them, imputed from
    /// comparable places where it does not (<see cref="PoliceForces.Source"/> says how many).
    /// </summary>
    public static PoliceStrength Of(IReadOnlyList<RegionProfile> regions, Atlas atlas, PoliceForces police, int year)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(police);
        return new([.. regions.Select(r =>
        {
            var people = r.Places.Sum(m => atlas.Municipalities[m].Population.In(year) ?? 0);
            return people > 0 ? r.Places.Sum(m => police.Officers(m, year)) * 100_000 / people : 0;
        })], police.Source);
    }
}
