using Paz.Core.Violence;

namespace Paz.Planning.Transition;

/// <summary>
/// Entry conditions and timing of a military-to-civilian handover plan. The report asks that "under
/// what conditions the military starts gradually pulling back" be specified in advance; these are
/// those conditions, each a number an analyst can change.
/// </summary>
/// <param name="Start">Month the first phase starts.</param>
/// <param name="MaximumRate">Entry: annualized monthly homicide rate per 100,000 below this ...</param>
/// <param name="MonthsBelow">... for at least this many consecutive months up to the last month of data.</param>
/// <param name="MinimumPolice">Entry: civilian police per 100,000 inhabitants at least this.</param>
/// <param name="PhaseMonths">Months between the starts of consecutive phases.</param>
/// <param name="OverlapMonths">Months the military and the civilian police patrol together before the military leaves.</param>
/// <param name="ReserveShare">Share of a handed-over region's contingent kept in reserve to re-intervene.</param>
/// <param name="ReentryRate">Re-intervention trigger: annualized rate per 100,000 above this for two consecutive months.</param>
public sealed record TransitionSettings(
    YearMonth Start,
    double MaximumRate = 15,
    int MonthsBelow = 6,
    double MinimumPolice = 150,
    int PhaseMonths = 6,
    int OverlapMonths = 6,
    double ReserveShare = 0.2,
    double ReentryRate = 22.5);

/// <summary>Civilian police strength per region, with where the figure comes from.</summary>
/// <param name="PerHundredThousand">Police per 100,000 inhabitants, in region order.</param>
/// <param name="Source">Where the figures come from, or "assumed".</param>
public sealed record PoliceStrength(IReadOnlyList<double> PerHundredThousand, string Source)
{
    /// <summary>
    /// The same density everywhere from the seed's national figure ("Mexico's federal, state, and
    /// local police together number some 250,000 personnel") over the 2018 population: assumed, since
    /// no police strength by region is shipped. With it the police condition passes or fails everywhere alike.
    /// </summary>
    public static PoliceStrength UniformFromSeed(int regions, double nationalPopulation) =>
        new([.. Enumerable.Repeat(250_000.0 * 100_000 / nationalPopulation, regions)], "assumed: 250,000 police nationally (seed), spread evenly");
}
