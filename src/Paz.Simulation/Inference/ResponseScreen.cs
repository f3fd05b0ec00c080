using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Inference;

/// <summary>
/// Which parameters the inference's targets respond to at all. Each candidate is moved from its prior's 5th to its
/// 95th percentile with every other candidate at its prior's median and the same seed: a parameter no mechanism reads in
/// the scenario's timeline (the Guard's before there is a Guard, a rival explanation that is off) leaves the run
/// bit-identical, so its posterior is its prior and it is drawn from the prior rather than carried through the sampler,
/// where it would only dilute the perturbation kernel. One base point can miss a parameter read only when another is far
/// from its median; Morris screening (<c>paz sensitivity</c>) looks over the whole prior.
/// </summary>
public static class ResponseScreen
{
    /// <summary>The quantiles each candidate is moved between.</summary>
    public const double Low = 0.05, High = 0.95;

    /// <summary>The candidates whose move changes the run's national homicides in some year or its distance from the targets, in order.</summary>
    /// <param name="engine">The engine, on the scenario's inputs.</param>
    /// <param name="timeline">The scenario's timeline.</param>
    /// <param name="targets">The inference's targets (their last year ends the runs).</param>
    /// <param name="candidates">Parameters with a prior.</param>
    /// <param name="seed">The runs' common seed.</param>
    /// <param name="threads">Runs in parallel (the result does not depend on it).</param>
    public static IReadOnlyList<FreeParameter> Responsive(
        CriminalMarketEngine engine, Timeline timeline, ValidationTargets targets, IReadOnlyList<FreeParameter> candidates, ulong seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(candidates);
        var weeks = engine.Inputs.WeeksThrough(targets.LastYear);
        var years = Enumerable.Range(engine.Inputs.Start.Year, targets.LastYear - engine.Inputs.Start.Year + 1).ToArray();
        var outputs = new double[candidates.Count * 2][];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
        {
            var unit = Enumerable.Repeat(0.5, candidates.Count).ToArray();
            unit[k / 2] = k % 2 == 0 ? Low : High;
            var run = engine.Run(Calibration.AtQuantiles(timeline, candidates, unit), weeks, seed);
            outputs[k] = [.. years.Select(y => (double)run.Homicides(y)), Calibration.Score(run, engine.Inputs, targets).Objective];
        });
        return [.. candidates.Where((_, i) => !outputs[2 * i].SequenceEqual(outputs[(2 * i) + 1]))];
    }
}
