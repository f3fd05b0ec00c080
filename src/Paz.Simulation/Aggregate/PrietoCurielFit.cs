using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Paz.Simulation.Aggregate;

/// <summary>One year of the fit: the target and what each parameter set gives.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Target">Weekly conflict deaths the fit aims at: share × (homicides + missing persons) / weeks in a year.</param>
/// <param name="Published">Mean weekly conflict deaths of the model with the published parameters.</param>
/// <param name="Fitted">Mean weekly conflict deaths of the model with the refitted parameters.</param>
public sealed record FitYear(int Year, double Target, double Published, double Fitted);

/// <summary>The outcome of a refit.</summary>
/// <param name="Parameters">The refitted parameters.</param>
/// <param name="SumOfSquares">Sum of squared differences (deaths per week)² of the refit.</param>
/// <param name="PublishedSumOfSquares">The same for the published parameters, on the same data.</param>
/// <param name="Years">Year-by-year comparison.</param>
/// <param name="Evaluations">Model runs the optimizer used.</param>
/// <param name="Converged">Whether the optimizer met its tolerance (else it stopped at its iteration limit).</param>
public sealed record FitResult(PrietoCurielParameters Parameters, double SumOfSquares, double PublishedSumOfSquares, IReadOnlyList<FitYear> Years, int Evaluations, bool Converged);

/// <summary>
/// Refits (ρ, η, θ, ω, C0) by least squares of the model's weekly conflict deaths against a share
/// of homicides plus missing persons, within the published bounds, on years up to the end of the
/// calibration window only.
/// </summary>
/// <remarks>
/// The authors' code compares model deaths with 10% of weekly homicides plus missing persons
/// (their <c>WeeklyCasualties*0.1</c>): the share of casualties that are cartel members killed in
/// conflict. Paz keeps that share as a declared, assumed parameter. Where the authors spline yearly
/// totals through points placed on 1 January of each year, Paz compares each calendar year's mean
/// model deaths with that year's total over its weeks, which does not shift the data by half a
/// year. Nelder-Mead (MathNet.Numerics) searches an unconstrained space mapped onto the bounds by
/// p = lo + (hi − lo)(1 + sin u)/2, so every point it tries is admissible.
/// </remarks>
public static class PrietoCurielFit
{
    /// <summary>The last year whose outcomes may enter a fit: December 2018, the plan's start.</summary>
    public const int CalibrationWindowEnd = 2018;

    /// <summary>Share of homicides plus missing persons counted as conflict deaths of members (assumed by the authors' fitting code).</summary>
    public const double DefaultDeathShare = 0.1;

    private const double WeeksPerYear = 365.25 / 7;

    /// <summary>Fits the model to yearly <paramref name="casualties"/> (homicides + missing persons).</summary>
    /// <exception cref="ArgumentException">A year lies after <see cref="CalibrationWindowEnd"/>, or before 2012.</exception>
    public static FitResult Fit(PrietoCurielModel model, IReadOnlyList<(int Year, double Casualties)> casualties, double deathShare = DefaultDeathShare, int maximumIterations = 2000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(casualties);
        Core.Common.Check.Require(casualties.Count > 0, "a fit needs at least one year of data");
        Core.Common.Check.Require(casualties.All(c => c.Year <= CalibrationWindowEnd),
            $"outcomes after {CalibrationWindowEnd} are for validation only and may not enter a fit");
        Core.Common.Check.Require(casualties.All(c => c.Year >= PrietoCurielModel.Start.Year), $"the model starts in {PrietoCurielModel.Start.Year}");

        var lastYear = casualties.Max(c => c.Year);
        var weeks = (int)Math.Ceiling((new DateOnly(lastYear + 1, 1, 1).DayNumber - PrietoCurielModel.Start.DayNumber) / 7.0);
        var targets = casualties.ToDictionary(c => c.Year, c => deathShare * c.Casualties / WeeksPerYear);

        Dictionary<int, double> YearlyDeaths(PrietoCurielParameters p) =>
            model.Run(p, weeks).ByYear().Where(y => targets.ContainsKey(y.Year)).ToDictionary(y => y.Year, y => y.Deaths);

        double SumOfSquares(PrietoCurielParameters p)
        {
            var deaths = YearlyDeaths(p);
            return targets.Sum(t => Math.Pow(deaths[t.Key] - t.Value, 2));
        }

        var specs = PrietoCurielParameters.Specs;
        PrietoCurielParameters FromSearch(Vector<double> u) =>
            PrietoCurielParameters.FromArray([.. specs.Select((s, i) => s.Minimum + ((s.Maximum - s.Minimum) * (1 + Math.Sin(u[i])) / 2))]);
        var start = Vector<double>.Build.DenseOfEnumerable(
            PrietoCurielParameters.Published.ToArray().Select((v, i) => Math.Asin(Math.Clamp((2 * (v - specs[i].Minimum) / (specs[i].Maximum - specs[i].Minimum)) - 1, -1, 1))));

        var evaluations = 0;
        var objective = ObjectiveFunction.Value(u =>
        {
            evaluations++;
            return SumOfSquares(FromSearch(u));
        });
        var optimizer = new NelderMeadSimplex(1e-6, maximumIterations);
        Vector<double> best;
        bool converged;
        try
        {
            var result = optimizer.FindMinimum(objective, start, Vector<double>.Build.Dense(specs.Count, 0.4));
            best = result.MinimizingPoint;
            converged = result.ReasonForExit == ExitCondition.Converged;
        }
        catch (MaximumIterationsException)
        {
            best = start;
            converged = false;
        }

        var fitted = FromSearch(best);
        var publishedDeaths = YearlyDeaths(PrietoCurielParameters.Published);
        var fittedDeaths = YearlyDeaths(fitted);
        var years = targets.OrderBy(t => t.Key).Select(t => new FitYear(t.Key, t.Value, publishedDeaths[t.Key], fittedDeaths[t.Key])).ToList();
        return new FitResult(fitted, SumOfSquares(fitted), SumOfSquares(PrietoCurielParameters.Published), years, evaluations, converged);
    }
}
