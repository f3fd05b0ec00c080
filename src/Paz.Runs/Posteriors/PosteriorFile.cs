using System.Text.Json;
using Paz.Core.Parameters;
using Paz.Data;
using Paz.Simulation.Agents;
using Paz.Simulation.Inference;

namespace Paz.Runs.Posteriors;

/// <summary>The posterior file: JSON, written atomically.</summary>
public static class PosteriorFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private sealed record Stored(string Scenario, ulong Seed, int Particles, double Quantile, int Generation, double Tolerance, int GenerationSimulations, long Simulations,
        IReadOnlyList<StoredParameter> Parameters, IReadOnlyList<StoredParticle> Sample, IReadOnlyList<StoredParameter>? FromPrior = null, IReadOnlyList<string>? MadeBy = null);

    private sealed record StoredParameter(string Name, string Shape, double Low, double High);

    private sealed record StoredParticle(double Weight, double Distance, ulong Seed, double[] Unit, IReadOnlyDictionary<string, double> Values);

    /// <summary>Writes a posterior.</summary>
    public static void Write(string path, PosteriorSample posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        var stored = new Stored(posterior.Scenario, posterior.Seed, posterior.ParticleCount, posterior.Quantile, posterior.Generation.Index, posterior.Generation.Tolerance,
            posterior.Generation.Simulations, posterior.Simulations,
            [.. posterior.Parameters.Select(ToStored)],
            [.. posterior.Particles.Select((p, i) => new StoredParticle(p.Weight, p.Distance, p.Seed, p.Unit, posterior.Values(i)))],
            [.. posterior.FromPrior.Select(ToStored)],
            posterior.MadeBy);
        AtomicFile.Write(path, w => w.Write(JsonSerializer.Serialize(stored, Json)));
    }

    private static StoredParameter ToStored(FreeParameter p) => new(p.Name, p.Range.Shape == PriorShape.LogUniform ? "log_uniform" : "uniform", p.Range.Low, p.Range.High);

    private static FreeParameter FromStored(StoredParameter p) => new(p.Name, p.Shape == "log_uniform" ? Prior.LogUniform(p.Low, p.High) : Prior.Uniform(p.Low, p.High));

    /// <summary>Reads a posterior written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is not a posterior.</exception>
    public static PosteriorSample Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), Json) ?? throw new JsonException("empty");
            var parameters = stored.Parameters.Select(FromStored).ToList();
            var generation = new AbcGeneration(stored.Generation, stored.Tolerance, [.. stored.Sample.Select(p => new AbcParticle(p.Unit, p.Weight, p.Distance, p.Seed))], stored.GenerationSimulations);
            return new PosteriorSample(stored.Scenario, parameters, stored.Seed, stored.Particles, stored.Quantile, stored.Simulations, generation)
            {
                // Not inferred: drawn from the prior declared now, so a prior revised since (from a published figure, say)
                // applies without inferring again; the stored one only for a parameter no longer declared with a prior.
                FromPrior = [.. (stored.FromPrior ?? []).Select(p => Paz.Simulation.Engine.Declarations.Find(p.Name)?.Prior is { } declared ? new FreeParameter(p.Name, declared) : FromStored(p))],
                MadeBy = stored.MadeBy ?? [],
            };
        }
        catch (Exception e) when (e is JsonException or IOException or NullReferenceException)
        {
            throw new InvalidOperationException($"{path}: not a posterior written by paz infer: {e.Message}");
        }
    }
}
