using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Inference;

/// <summary>
/// A posterior as stored beside its scenario: the inferred parameters with their priors, the last generation's weighted
/// particles, and how it was made (seed, sizes, tolerance, simulations), so that it can be resumed, reproduced and drawn
/// from. <c>paz infer</c> writes it after every generation.
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
    /// Replicate <paramref name="replicate"/>'s timeline: the particle drawn for it (by weight, from the posterior's seed
    /// and the replicate's index alone, so replicate k of every scenario drawn from this posterior runs the same
    /// parameter set: paired draws) applied to <paramref name="timeline"/> in every period.
    /// </summary>
    public Timeline TimelineFor(Timeline timeline, int replicate) =>
        Calibration.AtQuantiles(timeline, Parameters, Particles[ParticleFor(replicate)].Unit);

    /// <summary>The particle replicate <paramref name="replicate"/> runs.</summary>
    public int ParticleFor(int replicate) => Pick(DrawFor(replicate));

    private double DrawFor(int replicate) =>
        new Paz.Core.Randomness.Xoshiro256StarStar(unchecked(Seed ^ (0xD1B54A32D192ED03UL * (ulong)(replicate + 1)))).NextDouble();

    /// <summary>The index of the particle a uniform draw <paramref name="u"/> (0-1) picks, by weight.</summary>
    public int Pick(double u) => AbcSmc.Pick(AbcSmc.Cumulative(Particles), u);
}
