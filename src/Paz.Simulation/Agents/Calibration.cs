using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Paz.Core.Randomness;
using Paz.Core.Statistics;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Agents;

/// <summary>A free parameter of the calibration with the range it is searched over.</summary>
/// <param name="Name">Scenario key.</param>
/// <param name="Range">Its prior: the bounds searched, and whether on a log scale (rates spanning decades).</param>
public sealed record FreeParameter(string Name, Core.Parameters.Prior Range);

/// <summary>The outcome of a calibration.</summary>
/// <param name="Parameters">The fitted parameters.</param>
/// <param name="Objective">The objective at the fit.</param>
/// <param name="Evaluations">Engine runs used.</param>
/// <param name="YearErrors">Relative error of national homicides per year of the window.</param>
public sealed record CalibrationResult(Settings Parameters, double Objective, int Evaluations, IReadOnlyDictionary<int, double> YearErrors);

/// <summary>
/// Fits the engine's free parameters to a window of years (the targets', 2015-2018 for the baseline) by a seeded global search followed by Nelder-Mead.
/// </summary>
/// <remarks>
/// Objective (smaller is better), averaged over <c>replicates</c> replicates per candidate (two by default) with fixed seeds (common
/// random numbers, so candidates differ by their parameters, not their luck):
/// Σ over the window's years [ln(model homicides / INEGI)² + B(model homicides / INEGI, 0.07)]
/// + Σ over the years the aggregate model applies [ln(weekly member deaths / aggregate)² + B(weekly member deaths / aggregate, 0.15)
/// + ¼ ln(weekly recruits / aggregate)² + B(weekly recruits / aggregate, 0.15)] + ½ ln(members in the last year / aggregate)²
/// + 12 max(0, 0.73 − ρ_states)² + 12 max(0, 0.53 − ρ_municipalities)² (rank correlations of the last year's rates),
/// where B(r, t) = 8 max(0, |ln r| − t)² keeps a ratio inside a band short of the validation's.
/// Phase 1 evaluates the starting values and <c>searchPoints</c> candidates drawn uniformly (log-uniformly for
/// rates) within the ranges from a seeded generator; phase 2 runs Nelder-Mead (MathNet.Numerics) from the best of them, on parameters mapped
/// into their ranges by a sine, for at most <c>refineEvaluations</c> iterations. The best candidate seen in
/// either phase is the result. Only the targets' outcomes enter (to 2018 at most; a backtest's targets end before its origin).
/// </remarks>
public static class Calibration
{
    /// <summary>
    /// The most parameters one calibration fits: a replay of history holds rival explanations and their own
    /// parameters besides the nine declared fitted (six of them in the shipped replay, fifteen in all); beyond this a
    /// Nelder-Mead refinement of a few hundred runs stops converging (assumed).
    /// </summary>
    public const int MostFreeParameters = 15;

    /// <summary>The default free parameters: those declared <see cref="Core.Parameters.ParameterSpec.Fitted"/>, searched over their priors (crisis_violence is set from the published kingpin effects instead, see docs/security.md).</summary>
    public static IReadOnlyList<FreeParameter> DefaultFree { get; } =
        [.. Declarations.All.Where(s => s.Fitted && s.Prior is not null).Select(s => new FreeParameter(s.Name, s.Prior!))];

    /// <summary>Every declared parameter with a prior, in declaration order: what inference draws and every band must carry.</summary>
    public static IReadOnlyList<FreeParameter> Uncertain { get; } =
        [.. Declarations.All.Where(s => s.Prior is not null).Select(s => new FreeParameter(s.Name, s.Prior!))];

    /// <summary>Fits <paramref name="free"/> on top of the settings of <paramref name="timeline"/> (the fitted values hold in every period).</summary>
    /// <remarks><paramref name="run"/> runs a candidate (its timeline, weeks, seed) instead of <paramref name="engine"/>: a
    /// cluster's silos, which must compute what the engine would (the same inputs, the candidate's values in every period).
    /// The search is the same either way, so a calibration on a cluster finds what it finds here.</remarks>
    public static CalibrationResult Fit(
        CriminalMarketEngine engine, Timeline timeline, ValidationTargets targets, IReadOnlyList<FreeParameter> free,
        ulong seed, int searchPoints, int refineEvaluations, int threads, IProgress<(int Done, double Best)>? progress = null, int replicates = 2,
        Func<Timeline, int, ulong, ReplicateResult>? run = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(free);
        Core.Common.Check.Require(free.Count <= MostFreeParameters, $"at most {MostFreeParameters} free parameters");
        Core.Common.Check.Require(replicates >= 1, "at least one replicate per candidate");
        var inputs = engine.Inputs;
        var weeks = inputs.WeeksThrough(targets.LastYear);
        var runSeed = new Xoshiro256StarStar(seed).NextUInt64();
        var evaluations = 0;
        var best = double.MaxValue;
        var start = timeline.First;
        var bestParameters = timeline;
        var gate = new object();
        // A candidate's run (timeline, weeks, seed): here, or elsewhere (a cluster's silos) when the caller says so.
        run ??= (candidate, runWeeks, candidateSeed) => engine.Run(candidate, runWeeks, candidateSeed);

        Timeline At(IReadOnlyList<double> unit) => AtQuantiles(timeline, free, unit);

        double Objective(Timeline p)
        {
            // Several replicates with common seeds: one alone lets the search fit its noise.
            // The replicates run in parallel (Nelder-Mead asks for one candidate at a time) and are summed in order.
            var scores = new double[replicates];
            Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, r => scores[r] = Score(run(p, weeks, runSeed + (ulong)r), inputs, targets).Objective);
            var value = 0.0;
            foreach (var score in scores)
            {
                value += score;
            }

            value /= replicates;
            lock (gate)
            {
                evaluations++;

                // Keep the best candidate seen: Nelder-Mead's own answer is lost when its budget runs out.
                if (value < best || (value == best && evaluations == 1))
                {
                    best = value;
                    bestParameters = p;
                }

                progress?.Report((evaluations, best));
            }

            return value;
        }

        var random = new Xoshiro256StarStar(seed);
        var candidates = Enumerable.Range(0, searchPoints).Select(_ => free.Select(_ => random.NextDouble()).ToArray()).ToList();

        // The starting values are a candidate too, so recalibrating never does worse than what the scenario has.
        candidates.Insert(0, [.. free.Select(f => f.Range.QuantileOf(start.Get(f.Name)))]);
        var scores = new double[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k => scores[k] = Objective(At(candidates[k])));
        var bestStart = candidates[Array.IndexOf(scores, scores.Min())];

        // Nelder-Mead in an unbounded space mapped onto [0, 1] by (1 + sin v) / 2.
        static double ToUnit(double v) => (1 + Math.Sin(v)) / 2;
        var objective = ObjectiveFunction.Value(v => Objective(At([.. v.Select(ToUnit)])));
        var initial = Vector<double>.Build.DenseOfEnumerable(bestStart.Select(u => Math.Asin((2 * u) - 1)));
        try
        {
            new NelderMeadSimplex(1e-3, refineEvaluations).FindMinimum(objective, initial, Vector<double>.Build.Dense(free.Count, 0.3));
        }
        catch (MaximumIterationsException)
        {
            // The iteration budget ran out; the best candidate seen so far is kept below.
        }

        var errors = Score(run(bestParameters, weeks, runSeed), inputs, targets).YearErrors;
        return new CalibrationResult(bestParameters.First, best, evaluations, errors);
    }

    /// <summary>
    /// The timeline with each free parameter set, in every period, to its prior's quantile <paramref name="unit"/>[i]
    /// (clamped to 0-1): how a search or a sensitivity design in the unit cube becomes parameter values.
    /// </summary>
    public static Timeline AtQuantiles(Timeline timeline, IReadOnlyList<FreeParameter> free, IReadOnlyList<double> unit)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(unit);
        return AtValues(timeline, [.. free.Select(f => f.Name)], [.. free.Select((f, i) => f.Range.At(Math.Clamp(unit[i], 0, 1)))]);
    }

    /// <summary>
    /// The timeline with each parameter <paramref name="names"/>[i] set, in every period, to <paramref name="values"/>[i]:
    /// a candidate, a fit or a design point laid over a scenario (here, or on a cluster's silo from the values it was sent).
    /// </summary>
    public static Timeline AtValues(Timeline timeline, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        Core.Common.Check.Require(names.Count == values.Count, $"{names.Count} parameters named and {values.Count} values given");
        return names.Count == 0 ? timeline : timeline.Select(settings =>
        {
            for (var i = 0; i < names.Count; i++)
            {
                settings = settings.With(names[i], values[i]);
            }

            return settings;
        });
    }

    /// <summary>The calibration objective of one run, with the relative error of each year's national homicides.</summary>
    public static (double Objective, IReadOnlyDictionary<int, double> YearErrors) Score(ReplicateResult run, EngineInputs inputs, ValidationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        var errors = new Dictionary<int, double>();
        var value = 0.0;
        foreach (var year in targets.NationalHomicides.Keys.Order())
        {
            var ratio = Math.Max(1, run.Homicides(year)) / targets.NationalHomicides[year];
            errors[year] = ratio - 1;
            if (year >= targets.CheckedFrom)
            {
                // A replay's first year is the start's transient: reported, not fitted.
                value += Math.Pow(Math.Log(ratio), 2) + Band(ratio, 0.07);
            }
        }

        // The whole prison population where a census counted it: it sets how many people groups can recruit inside.
        if (targets.Prisoners.Count > 0 && run.Metrics?.Weekly(Mechanisms.Prisons.Prisoners.Name) is { } held)
        {
            foreach (var (year, counted) in targets.Prisoners)
            {
                var lastWeek = inputs.WeeksThrough(year) - 1;
                if (lastWeek >= 0 && lastWeek < run.Weeks.Count && lastWeek < held.Count)
                {
                    var ratio = Math.Max(1, held[lastWeek]) / counted;
                    value += Math.Pow(Math.Log(ratio), 2) + Band(ratio, 0.05);
                }
            }
        }

        var last = targets.LastYear;
        if (targets.Aggregate.TryGetValue(last, out var final))
        {
            var membersLast = run.Weeks.First(w => w.Date.Year == last).Members;
            value += 0.5 * Math.Pow(Math.Log(Math.Max(1, membersLast) / final.Members), 2);
        }

        foreach (var year in targets.Aggregate.Keys.Order())
        {
            var weeks = run.Weeks.Where(w => w.Date.Year == year).ToList();
            var deaths = Math.Max(1, weeks.Average(w => w.MemberDeaths)) / targets.Aggregate[year].Deaths;
            value += Math.Pow(Math.Log(deaths), 2) + Band(deaths, 0.15);
            var recruits = Math.Max(1, weeks.Average(w => w.Recruits)) / targets.Aggregate[year].Recruits;
            value += (0.25 * Math.Pow(Math.Log(recruits), 2)) + Band(recruits, 0.15);
        }

        var statePopulation = Enumerable.Range(0, inputs.States).Select(s => Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == s).Sum(m => inputs.PopulationIn(m, last))).ToArray();
        var modelStates = Enumerable.Range(0, inputs.States).Select(s => Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == s).Sum(m => (double)run.Homicides(m, last)) / statePopulation[s]).ToList();
        var dataStates = Enumerable.Range(0, inputs.States).Select(s => targets.StateHomicides[s] / statePopulation[s]).ToList();
        var big = Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.PopulationIn(m, last) >= 100_000).ToList();
        if (inputs.States < 3 || big.Count < 3)
        {
            return (value, errors); // a world too small for a spatial pattern (tests)
        }

        var rhoStates = RankCorrelation.Spearman(modelStates, dataStates);
        var rhoMunicipal = RankCorrelation.Spearman(
            big.Select(m => run.Homicides(m, last) / inputs.PopulationIn(m, last)).ToList(),
            big.Select(m => targets.MunicipalHomicides[m] / inputs.PopulationIn(m, last)).ToList());
        value += 12 * Math.Pow(Math.Max(0, 0.73 - (double.IsNaN(rhoStates) ? 0 : rhoStates)), 2);
        value += 12 * Math.Pow(Math.Max(0, 0.53 - (double.IsNaN(rhoMunicipal) ? 0 : rhoMunicipal)), 2);
        return (value, errors);
    }

    // A steep penalty once a ratio leaves ±tolerance (in log terms) around 1: the validation's checks are
    // bands (10% for homicides, 20% for the flows), and a fit that sits on a band's edge fails it on other draws.
    private static double Band(double ratio, double tolerance) => 8 * Math.Pow(Math.Max(0, Math.Abs(Math.Log(ratio)) - tolerance), 2);
}
