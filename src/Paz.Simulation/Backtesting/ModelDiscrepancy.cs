using MathNet.Numerics.Distributions;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Backtesting;

/// <summary>
/// The engine's structural error, estimated from the years it was fitted to and carried into its forecast: the
/// model-discrepancy term of Kennedy &amp; O'Hagan (2001), as ABC under model error treats it (Wilkinson 2013).
/// On the log scale the observed count is the simulated one plus a discrepancy d_t = ln(observed + 1) − ln(simulated
/// mean + 1), nationally and in each state. Over the fitting window d wanders (the replay misses the peak by a year,
/// places violence by where groups were, holds no driver of some rises), so after the origin it is modelled as a
/// random walk without drift from its value in the origin's year: d_{T+h} = d_T + ε_1 + … + ε_h, ε ~ N(0, σ²).
/// σ² is the mean squared year-to-year change of d over the window (nationally; for each state shrunk towards the
/// states' pooled value, since a window of four years gives three changes). Nothing after the origin enters.
/// <para>
/// The discrepancy's median is the anchored forecast (<see cref="Anchoring"/>); what it adds is width that grows
/// with the horizon as fast as the engine's error wandered in the years it was fitted to. Whether that width is
/// honest is decided out of sample: the backtest scores its coverage and CRPS on the years after each origin.
/// </para>
/// </summary>
/// <param name="NationalAtOrigin">d in the origin's year, nationally.</param>
/// <param name="NationalStep">σ of the national random walk's yearly step (log scale).</param>
/// <param name="StatesAtOrigin">d in the origin's year, by state.</param>
/// <param name="StateSteps">σ of each state's yearly step.</param>
public sealed record ModelDiscrepancy(double NationalAtOrigin, double NationalStep, double[] StatesAtOrigin, double[] StateSteps)
{
    /// <summary>
    /// Pseudo-years of the pooled variance in each state's estimate: a state's own changes outweigh the pool once the
    /// window holds more than this many (assumed; with 3-9 changes per state the estimate is mostly the state's own).
    /// </summary>
    public const double Shrinkage = 3;

    /// <summary>Random-walk paths of the error drawn for each replicate of a forecast (backtests, comparisons, checks).</summary>
    public const int PathsPerReplicate = 20;

    /// <summary>What <see cref="Apply"/> appends to the forecast's name.</summary>
    public const string NameSuffix = ", with model error";

    /// <summary>
    /// The discrepancy of <paramref name="window"/> (the ensemble's simulation of the years to the origin, at least
    /// two) against <paramref name="seen"/>, which ends at the origin.
    /// </summary>
    public static ModelDiscrepancy Estimate(Forecast window, ObservedHomicides seen)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(seen);
        var years = window.Years.Where(seen.National.ContainsKey).ToList();
        Core.Common.Check.Require(years.Count >= 2 && years[^1] == seen.LastYear, "a window of at least two years ending at the origin");
        var national = years.Select(y => Gap(seen.National[y], window.NationalMean(y))).ToArray();
        var stateCount = seen.States[years[0]].Length;
        var means = years.Select(window.StateMeans).ToArray();
        var states = Enumerable.Range(0, stateCount).Select(s => years.Select((y, t) => Gap(seen.States[y][s], means[t][s])).ToArray()).ToArray();
        var own = states.Select(MeanSquaredStep).ToArray();
        var pooled = own.Average();
        var changes = years.Count - 1;
        return new ModelDiscrepancy(
            national[^1],
            Math.Sqrt(MeanSquaredStep(national)),
            [.. states.Select(d => d[^1])],
            [.. own.Select(v => Math.Sqrt(((changes * v) + (Shrinkage * pooled)) / (changes + Shrinkage)))]);
    }

    /// <summary>
    /// These steps, started from the gap between <paramref name="observed"/> and <paramref name="simulated"/> in the
    /// observations' last year: another run's error, with the steps a longer window measured.
    /// </summary>
    public ModelDiscrepancy StartingFrom(Forecast simulated, ObservedHomicides observed)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(observed);
        var last = observed.LastYear;
        var means = simulated.StateMeans(last);
        Core.Common.Check.Require(means.Length == StateSteps.Length, "the same states as the steps'");
        return this with
        {
            NationalAtOrigin = Gap(observed.National[last], simulated.NationalMean(last)),
            StatesAtOrigin = [.. means.Select((m, s) => Gap(observed.States[last][s], m))],
        };
    }

    /// <summary>
    /// <paramref name="forecast"/> with the discrepancy: each of its draws in each later year times
    /// <paramref name="paths"/> random-walk paths of d (national and state paths independent), so a band holds the
    /// ensemble's spread and the structural error's. Seeded: the same seed gives the same draws.
    /// </summary>
    public Forecast Apply(Forecast forecast, int paths, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        Core.Common.Check.Require(paths >= 1, "at least one path");
        var years = forecast.Years.ToList();
        var draws = forecast.National[years[0]].Length;
        var random = new Xoshiro256StarStar(seed);
        var national = years.ToDictionary(y => y, _ => new double[draws * paths]);
        var states = years.ToDictionary(y => y, _ => new double[draws * paths][]);
        for (var j = 0; j < draws * paths; j++)
        {
            var k = j / paths;
            var d = NationalAtOrigin;
            var ds = (double[])StatesAtOrigin.Clone();
            foreach (var y in years)
            {
                d += NationalStep * StandardNormal(random);
                national[y][j] = Shift(forecast.National[y][k], d);
                var row = new double[ds.Length];
                for (var s = 0; s < ds.Length; s++)
                {
                    ds[s] += StateSteps[s] * StandardNormal(random);
                    row[s] = Shift(forecast.States[y][k][s], ds[s]);
                }

                states[y][j] = row;
            }
        }

        return new Forecast(forecast.Name + NameSuffix, national, states);
    }

    private static double Gap(double observed, double simulated) => Math.Log(observed + 1) - Math.Log(simulated + 1);

    private static double Shift(double simulated, double d) => Math.Max(0, ((simulated + 1) * Math.Exp(d)) - 1);

    private static double MeanSquaredStep(double[] d) => Enumerable.Range(1, d.Length - 1).Average(t => (d[t] - d[t - 1]) * (d[t] - d[t - 1]));

    // Inversion keeps one uniform per draw; the open interval keeps the quantile finite.
    private static double StandardNormal(Xoshiro256StarStar random) => Normal.InvCDF(0, 1, (random.NextDouble() + Math.ScaleB(1, -54)) * (1 - Math.ScaleB(1, -53)));
}
