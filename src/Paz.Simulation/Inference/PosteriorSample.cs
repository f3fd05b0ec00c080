using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Inference;

/// <summary>
/// A posterior as stored beside its scenario: the inferred parameters with their priors, the last generation's weighted
/// particles, the parameters drawn from their priors, and how it was made (seed, sizes, tolerance, simulations), so that
/// it can be resumed, reproduced and drawn from. <c>paz infer</c> writes it after every generation.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Parameters">The inferred parameters, in the particles' order.</param>
/// <param name="Seed">The sampler's seed.</param>
/// <param name="ParticleCount">Population size.</param>
/// <param name="Quantile">The tolerance schedule's quantile.</param>
/// <param name="Simulations">Simulations run in all generations so far.</param>
/// <param name="Generation">The last finished generation: the weighted particles.</param>
public sealed record PosteriorSample(
    string Scenario, IReadOnlyList<FreeParameter> Parameters, ulong Seed, int ParticleCount, double Quantile, long Simulations, AbcGeneration Generation)
{
    /// <summary>
    /// Parameters with a prior that were not inferred: each replicate draws them from their priors, independently of the
    /// particle (a parameter the targets do not respond to has its prior as posterior; one they do respond to but that was
    /// left out is drawn wider than the data allow, which <c>paz infer</c> warns of).
    /// </summary>
    public IReadOnlyList<FreeParameter> FromPrior { get; init; } = [];

    /// <summary>The command lines that made it (the first, then each resumption).</summary>
    public IReadOnlyList<string> MadeBy { get; init; } = [];

    /// <summary>The weighted particles.</summary>
    public IReadOnlyList<AbcParticle> Particles => Generation.Particles;

    /// <summary>The values of particle <paramref name="index"/> (through the priors).</summary>
    public IReadOnlyDictionary<string, double> Values(int index) =>
        Parameters.Select((p, i) => (p.Name, Value: p.Range.At(Particles[index].Unit[i]))).ToDictionary(x => x.Name, x => x.Value);

    /// <summary>The weighted mean and standard deviation of each parameter's value.</summary>
    public IReadOnlyList<(string Name, Prior Prior, double Mean, double StandardDeviation)> Summary() =>
        [.. Parameters.Select((p, i) =>
        {
            var values = Particles.Select(q => (Value: p.Range.At(q.Unit[i]), q.Weight)).ToList();
            var mean = values.Sum(v => v.Weight * v.Value);
            return (p.Name, p.Range, mean, Math.Sqrt(values.Sum(v => v.Weight * (v.Value - mean) * (v.Value - mean))));
        })];

    /// <summary>
    /// Replicate <paramref name="replicate"/>'s timeline: the particle drawn for it (by weight) and a draw of each
    /// <see cref="FromPrior"/> parameter from its prior, applied to <paramref name="timeline"/> in every period. Both come
    /// from the posterior's seed and the replicate's index alone, so replicate k of every scenario drawn from this
    /// posterior runs the same parameter set: paired draws.
    /// </summary>
    public Timeline TimelineFor(Timeline timeline, int replicate)
    {
        var random = GeneratorFor(replicate);
        var particle = Pick(random.NextDouble());
        var fromPrior = FromPrior.Select(_ => random.NextDouble()).ToArray();
        return Calibration.AtQuantiles(Calibration.AtQuantiles(timeline, Parameters, Particles[particle].Unit), FromPrior, fromPrior);
    }

    /// <summary>The particle replicate <paramref name="replicate"/> runs.</summary>
    public int ParticleFor(int replicate) => Pick(GeneratorFor(replicate).NextDouble());

    /// <summary>
    /// The drawn parameters that <paramref name="timeline"/> changes on a date: drawing would override the change in
    /// every period, so a scenario with one must run at its point values (or infer it).
    /// </summary>
    public IReadOnlyList<string> ChangedOnADate(Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return [.. Parameters.Concat(FromPrior).Select(p => p.Name).Where(name => timeline.Periods.Select(period => period.Settings.Get(name)).Distinct().Skip(1).Any())];
    }

    private Paz.Core.Randomness.Xoshiro256StarStar GeneratorFor(int replicate) =>
        new(unchecked(Seed ^ (0xD1B54A32D192ED03UL * (ulong)(replicate + 1))));

    /// <summary>The index of the particle a uniform draw <paramref name="u"/> (0-1) picks, by weight.</summary>
    public int Pick(double u) => AbcSmc.Pick(AbcSmc.Cumulative(Particles), u);
}
