using MathNet.Numerics.Distributions;

namespace Paz.Simulation.Agents;

/// <summary>
/// The difference of two scenarios' national homicides in a year, replicate by replicate: replicate k of each ran the
/// same seed (and, with a posterior, the same parameter set), so the noise and the parameter uncertainty they share
/// cancel, and the difference's interval is honest and narrower than the two bands suggest.
/// </summary>
/// <param name="Scenario">The scenario whose homicides are counted.</param>
/// <param name="Against">The scenario subtracted.</param>
/// <param name="Year">The year.</param>
/// <param name="Difference">Mean and 5th-95th percentile of the paired differences.</param>
/// <param name="ShareBelowZero">Share of the pairs in which <paramref name="Scenario"/> had fewer homicides.</param>
/// <param name="Pairs">Pairs compared.</param>
public sealed record PairedDifference(string Scenario, string Against, int Year, Band Difference, double ShareBelowZero, int Pairs)
{
    /// <summary>The paired difference <paramref name="scenario"/> − <paramref name="against"/> in <paramref name="year"/>.</summary>
    public static PairedDifference Of(string scenario, IReadOnlyList<ReplicateResult> runs, string against, IReadOnlyList<ReplicateResult> againstRuns, int year)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(againstRuns);
        var pairs = Math.Min(runs.Count, againstRuns.Count);
        var differences = Enumerable.Range(0, pairs).Select(k => (double)(runs[k].Homicides(year) - againstRuns[k].Homicides(year))).ToList();
        return new PairedDifference(scenario, against, year, Band.Of(differences), differences.Count(d => d < 0) / (double)pairs, pairs);
    }
}

/// <summary>Uncertainty of a share estimated from replicates.</summary>
public static class Proportion
{
    /// <summary>
    /// The Jeffreys 90% interval of a proportion (Brown, Cai and DasGupta 2001): the 5th and 95th percentiles of
    /// Beta(x + ½, n − x + ½), the lower bound 0 when x = 0 and the upper 1 when x = n.
    /// </summary>
    public static (double Low, double High) Jeffreys90(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var low = successes == 0 ? 0 : Beta.InvCDF(successes + 0.5, trials - successes + 0.5, 0.05);
        var high = successes == trials ? 1 : Beta.InvCDF(successes + 0.5, trials - successes + 0.5, 0.95);
        return (low, high);
    }
}
