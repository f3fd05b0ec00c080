using Paz.Simulation.Agents;

namespace Paz.Simulation.Backtesting;

/// <summary>
/// A scenario's national homicides after the last observed year with the engine's structural error
/// (<see cref="ModelDiscrepancy"/>): the random walk's yearly steps come from a replay's window (the years the
/// backtests showed them to cover), its start from this run's own gap in the last observed year (none when the run
/// did not simulate it). Every scenario compared uses the same seed and so the same paths: replicate k's path p is
/// one realisation of the engine's error, shared by the scenarios as their parameters and seeds are, so a paired
/// difference keeps its sign and widens only by the scale the error gives the level.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Draws">National homicides by year after the last observed one: each replicate times each path.</param>
/// <param name="Population">National population by year (for rates).</param>
public sealed record ModelErrorOutlook(string Scenario, IReadOnlyDictionary<int, double[]> Draws, IReadOnlyDictionary<int, double> Population)
{
    /// <summary>The seed of the paths, the same for every scenario so their differences are paired.</summary>
    public const ulong Seed = 2018;

    /// <summary>
    /// The outlook of an ensemble (<paramref name="runs"/> on <paramref name="inputs"/>) under the error's
    /// <paramref name="steps"/>, started from the gap between <paramref name="observed"/> and the ensemble's mean in
    /// <paramref name="observed"/>'s last year (no gap when the run did not simulate that whole year); null when the ensemble runs no year after it.
    /// </summary>
    public static ModelErrorOutlook? Of(string scenario, IReadOnlyList<ReplicateResult> runs, EngineInputs inputs, ModelDiscrepancy steps, ObservedHomicides observed, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(observed);
        var last = observed.LastYear;
        var years = Enumerable.Range(last + 1, Math.Max(0, lastYear - last)).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var anchored = steps with { NationalAtOrigin = 0, StatesAtOrigin = new double[steps.StateSteps.Length] };
        if (inputs.Start <= new DateOnly(last, 1, 1)) // a run started later in that year has no whole year to compare
        {
            var atLast = Forecast.Of(scenario, runs, inputs, [last]);
            anchored = steps.StartingFrom(atLast, observed);
        }

        var withError = anchored.Apply(Forecast.Of(scenario, runs, inputs, years), ModelDiscrepancy.PathsPerReplicate, Seed);
        return new ModelErrorOutlook(scenario, withError.National, years.ToDictionary(y => y, inputs.NationalPopulation));
    }

    /// <summary>The national rate per 100,000 in <paramref name="year"/>: mean and 5th-95th percentile over the draws.</summary>
    public Band Rate(int year) => Band.Of(Draws[year].Select(h => h / Population[year] * 100_000));

    /// <summary>How many draws of <paramref name="year"/> have a national rate of at most <paramref name="rate"/> per 100,000, of how many.</summary>
    public (int Meeting, int Draws) AtMost(int year, double rate) => (Draws[year].Count(h => h / Population[year] * 100_000 <= rate), Draws[year].Length);

    /// <summary>This outlook's national homicides minus <paramref name="other"/>'s in <paramref name="year"/>, draw by draw (paired).</summary>
    public Band DifferenceFrom(ModelErrorOutlook other, int year)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Draws[year];
        var theirs = other.Draws[year];
        Core.Common.Check.Require(mine.Length == theirs.Length, "outlooks of ensembles of the same size");
        return Band.Of(mine.Select((x, j) => x - theirs[j]));
    }
}
