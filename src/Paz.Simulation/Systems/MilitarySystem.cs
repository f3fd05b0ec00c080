using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// The military in public security, and its pullback.
/// Claims (seed, "The National Guard" and recommendations): Peña Nieto deployed "almost 53,000 soldiers" to
/// the streets where violence was; pulling the military back before police and prosecutors can take over
/// leaves the field to the groups; the report asks for a plan of concentric circles — hand over the safest
/// regions first, patrol jointly before the exit, keep a reserve, specify in advance when the military
/// returns (DESIGN.md mechanism 15).
/// - Deployment: military_personnel soldiers over the military_places municipalities with most homicides
///   in the last year, in proportion to them (<see cref="GuardSystem.ByViolence"/>).
/// - Presence: x uniformed officers per 1,000 inhabitants leave a share f(x) = 1 − d·x/(x + h) of predation and
///   armed confrontations,
///   d = guard_deterrence (the most presence can deter), h = presence_half (a soldier and a Guard officer
///   deter alike, whichever the badge). The soldiers' deterrence was in force through 2015-2018, so the
///   calibrated predation already includes it, and presence is measured against it: with S soldiers
///   deployed, W of them withdrawn and G effective Guard officers, predation × f(S − W + G) / f(S) — 1 while
///   nothing changes, at most 1/(1 − d) where soldiers leave with nobody in their place.
/// - Pullback: from a region's exit date its soldiers leave, keeping the plan's reserve share. With a
///   plan, a region whose annualized rate is above the re-entry rate at two consecutive monthly reviews gets
///   its soldiers back for good. Forces are redeployed monthly (the engine calls this every four weeks).
/// Reads: guard_deterrence, presence_half; the policy's military_personnel, military_places and pullback.
/// </summary>
public static class MilitarySystem
{
    /// <summary>Consecutive monthly reviews above the re-entry rate after which the military returns to a region (the planner's "two consecutive months").</summary>
    public const int ReentryReviews = 2;

    /// <summary>Soldiers withdrawn from each municipality at this monthly review; updates the re-entry watch in <paramref name="state"/>.</summary>
    /// <param name="inputs">The world's inputs (population).</param>
    /// <param name="pullback">The resolved pullback.</param>
    /// <param name="soldiers">Soldiers deployed per municipality (before any pullback).</param>
    /// <param name="date">This week's date.</param>
    /// <param name="recent">Homicides per municipality in about the last four weeks (decayed sum).</param>
    /// <param name="state">Re-entry watch per region, kept across weeks.</param>
    public static double[] Withdrawn(EngineInputs inputs, MilitaryPullback pullback, double[] soldiers, DateOnly date, double[] recent, PullbackState state)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(pullback);
        ArgumentNullException.ThrowIfNull(soldiers);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(state);
        if (!pullback.Resolved)
        {
            throw new InvalidOperationException("the pullback's regions and exit dates are not resolved (Paz.Data's ForcePlans.Resolve does it from the data)");
        }

        var regionOf = pullback.RegionOf!;
        var exit = pullback.Exit!;
        var regions = exit.Count;
        var homicides = new double[regions];
        var people = new double[regions];
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            homicides[regionOf[m]] += recent[m];
            people[regionOf[m]] += inputs.PopulationIn(m, date.Year);
        }

        var gone = new bool[regions];
        for (var r = 0; r < regions; r++)
        {
            if (exit[r] is not { } leaves || date < leaves || state.Returned[r])
            {
                continue;
            }

            var rate = people[r] > 0 ? homicides[r] * 13 * 100_000 / people[r] : 0;
            state.HotReviews[r] = rate > pullback.ReentryRate ? state.HotReviews[r] + 1 : 0;
            if (state.HotReviews[r] >= ReentryReviews)
            {
                state.Returned[r] = true; // the trigger fired: the military returns
                continue;
            }

            gone[r] = true;
        }

        var withdrawn = new double[inputs.MunicipalityCount];
        for (var m = 0; m < withdrawn.Length; m++)
        {
            withdrawn[m] = gone[regionOf[m]] ? soldiers[m] * (1 - pullback.Reserve) : 0;
        }

        return withdrawn;
    }

    /// <summary>The factor on predation and confrontations in each municipality, against the 2015-2018 presence: f(S − W + G) / f(S).</summary>
    public static double[] Presence(EngineInputs inputs, EngineParameters p, double[] soldiers, double[]? withdrawn, double[]? guard, int year)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(soldiers);
        var factor = new double[soldiers.Length];
        for (var m = 0; m < factor.Length; m++)
        {
            var thousands = Math.Max(1, inputs.PopulationIn(m, year) / 1000);
            var before = soldiers[m] / thousands;
            var now = Math.Max(0, soldiers[m] - (withdrawn?[m] ?? 0) + (guard?[m] ?? 0)) / thousands;
            factor[m] = Left(p, now) / Left(p, before);
        }

        return factor;
    }

    // The share of predation left by x officers per 1,000 inhabitants.
    private static double Left(EngineParameters p, double x) => 1 - (p.GuardDeterrence * x / (x + p.PresenceHalf));
}

/// <summary>The pullback's re-entry watch, per region, carried from week to week.</summary>
/// <param name="regions">Number of regions.</param>
public sealed class PullbackState(int regions)
{
    /// <summary>Consecutive monthly reviews each region has been above the re-entry rate since the military left.</summary>
    public int[] HotReviews { get; } = new int[regions];

    /// <summary>Regions the military returned to.</summary>
    public bool[] Returned { get; } = new bool[regions];
}
