using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Paz.Simulation.Agents;

namespace Paz.Runs.Catalogue;

/// <summary>
/// What makes two runs the same: the scenario's text (its file and every base it builds on), its seed, the ensemble's
/// size, the parameters (the posterior file's hash, or <c>point</c>) and the code. A request with the same key is
/// served from the catalogue instead of run again.
/// </summary>
/// <param name="Scenario">The scenario's name (shown, not part of the identity).</param>
/// <param name="ScenarioHash">SHA-256 of the scenario's file and its bases, in order.</param>
/// <param name="Seed">The ensemble's seed.</param>
/// <param name="Replicates">The ensemble's size.</param>
/// <param name="Parameters"><c>point</c>, or <c>posterior sha256:…</c> of the posterior the replicates draw from.</param>
/// <param name="CodeVersion">See <see cref="Code"/>.</param>
public sealed record RunKey(string Scenario, string ScenarioHash, ulong Seed, int Replicates, string Parameters, string CodeVersion)
{
    /// <summary>
    /// The code's version: the tool's informational version (with its git commit) and a digest of the module ids of the
    /// assemblies that compute a run. Builds are deterministic, so the ids change exactly when their code does, and an
    /// uncommitted change to the engine is never served a result of the code before it.
    /// </summary>
    public static string Code { get; } = ComputeCode();

    /// <summary>The key of <paramref name="scenario"/> run with the posterior at <paramref name="posteriorPath"/> (null: at its point values).</summary>
    public static RunKey For(AgentScenario scenario, string? posteriorPath)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var files = scenario.Files.Count > 0 ? scenario.Files : throw new InvalidOperationException($"scenario {scenario.Name} was not read from a file: it has no key");
        var parameters = posteriorPath is null ? "point" : "posterior sha256:" + Digest(File.ReadAllBytes(posteriorPath));
        return new RunKey(scenario.Name, Digest(files.SelectMany(File.ReadAllBytes).ToArray()), scenario.Seed, scenario.Replicates, parameters, Code);
    }

    /// <summary>A folder name for the run's outputs, unique to the key: the scenario's name and a digest of every field.</summary>
    public string Folder => $"{Scenario}-{Digest(Encoding.UTF8.GetBytes($"{ScenarioHash}|{SeedText}|{Replicates}|{Parameters}|{CodeVersion}"))[..12]}";

    /// <summary>The seed as the catalogue stores it (decimal text: an unsigned 64-bit seed does not fit a signed column).</summary>
    public string SeedText => Seed.ToString(CultureInfo.InvariantCulture);

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string ComputeCode()
    {
        var version = typeof(RunKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Assembly[] engine = [typeof(RunKey).Assembly, typeof(AgentScenario).Assembly, typeof(Paz.Data.DataDirectory).Assembly, typeof(Paz.Core.Randomness.Xoshiro256StarStar).Assembly, typeof(Paz.Rules.Amnesty.RuleLibrary).Assembly, typeof(Paz.Planning.Forces.ForcePlans).Assembly];
        var modules = string.Join(",", engine.Select(a => a.ManifestModule.ModuleVersionId.ToString("N")));
        return $"{version} modules {Digest(Encoding.UTF8.GetBytes(modules))[..16]}";
    }
}
