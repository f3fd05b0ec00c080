using Paz.Core.Statistics;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Backtesting;

/// <summary>How a forecast did against what was observed after its origin.</summary>
/// <param name="Forecaster">The forecast's name.</param>
/// <param name="NationalApe">Absolute percentage error of national homicides by year (fraction).</param>
/// <param name="NationalMape">Mean of <paramref name="NationalApe"/>.</param>
/// <param name="StateMape">Mean absolute percentage error over states and years (states with at least one homicide observed).</param>
/// <param name="StateSpearman">Spearman ρ between forecast and observed state homicides, mean over years.</param>
/// <param name="NationalCoverage">Share of years whose national count lies in the forecast's 5th-95th percentile band (NaN for a point forecast).</param>
/// <param name="StateCoverage">The same over states and years.</param>
/// <param name="NationalCrps">Continuous ranked probability score of national homicides, mean over years (a point forecast's is its absolute error).</param>
/// <param name="StateCrps">The same per state, mean over states and years.</param>
public sealed record ForecastScore(
    string Forecaster,
    IReadOnlyDictionary<int, double> NationalApe,
    double NationalMape,
    double StateMape,
    double StateSpearman,
    double NationalCoverage,
    double StateCoverage,
    double NationalCrps,
    double StateCrps)
{
    /// <summary>Years whose national coverage was checked (0 for a point forecast): the weight of <see cref="NationalCoverage"/> when pooling origins.</summary>
    public int NationalCases { get; init; }

    /// <summary>State-years whose coverage was checked: the weight of <see cref="StateCoverage"/> when pooling origins.</summary>
    public int StateCases { get; init; }

    /// <summary>Scores <paramref name="forecast"/> against <paramref name="observed"/> over the forecast's years.</summary>
    public static ForecastScore Of(Forecast forecast, ObservedHomicides observed)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(observed);
        var years = forecast.Years.Where(observed.National.ContainsKey).ToList();
        Core.Common.Check.Require(years.Count > 0, "a forecast with at least one observed year");
        var ape = years.ToDictionary(y => y, y => Math.Abs((forecast.NationalMean(y) / observed.National[y]) - 1));
        var stateErrors = new List<double>();
        var rhos = new List<double>();
        int covered = 0, cases = 0;
        var stateCrps = new List<double>();
        foreach (var y in years)
        {
            var means = forecast.StateMeans(y);
            var actual = observed.States[y];
            for (var s = 0; s < actual.Length; s++)
            {
                if (actual[s] > 0)
                {
                    stateErrors.Add(Math.Abs((means[s] / actual[s]) - 1));
                }

                var draws = forecast.States[y].Select(d => d[s]).ToArray();
                stateCrps.Add(Crps(draws, actual[s]));
                if (draws.Length > 1)
                {
                    cases++;
                    covered += Band.Of(draws).Covers(actual[s]) ? 1 : 0;
                }
            }

            rhos.Add(actual.Length > 1 ? RankCorrelation.Spearman(means, actual) : double.NaN);
        }

        var point = forecast.National[years[0]].Length == 1;
        return new ForecastScore(
            forecast.Name,
            ape,
            ape.Values.Average(),
            stateErrors.Count > 0 ? stateErrors.Average() : double.NaN,
            rhos.Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Average(),
            point ? double.NaN : years.Count(y => Band.Of(forecast.National[y]).Covers(observed.National[y])) / (double)years.Count,
            cases > 0 ? covered / (double)cases : double.NaN,
            years.Average(y => Crps(forecast.National[y], observed.National[y])),
            stateCrps.Average())
        {
            NationalCases = point ? 0 : years.Count,
            StateCases = cases,
        };
    }

    /// <summary>
    /// The continuous ranked probability score of an ensemble against an observation: E|X − y| − ½ E|X − X′| over the
    /// ensemble's draws (the energy form used in the VIEWS forecasting evaluations); for one draw, the absolute error.
    /// </summary>
    public static double Crps(IReadOnlyList<double> draws, double observed)
    {
        ArgumentNullException.ThrowIfNull(draws);
        Core.Common.Check.Require(draws.Count > 0, "at least one draw");
        var n = draws.Count;
        var spread = 0.0;
        var sorted = draws.Order().ToArray();
        // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i) over the sorted draws (0-based i).
        for (var i = 0; i < n; i++)
        {
            spread += ((2.0 * i) - n + 1) * sorted[i];
        }

        return draws.Average(x => Math.Abs(x - observed)) - (spread / ((double)n * n));
    }
}
