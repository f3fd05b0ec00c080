namespace Paz.Cluster.Work;

/// <summary>A scenario file as the coordinator read it: its path relative to the folder holding every file of the scenario, and its bytes.</summary>
[GenerateSerializer]
[Immutable]
public sealed class ScenarioFile
{
    /// <summary>The path relative to the scenario's root folder, with forward slashes.</summary>
    [Id(0)]
    public required string RelativePath { get; init; }

    /// <summary>The file's bytes, as hashed into the scenario's identity.</summary>
    [Id(1)]
    public required byte[] Content { get; init; }
}

/// <summary>
/// One replicate of one scenario under one parameter set, everything a silo needs to compute it on its own copy of the
/// data and code: the scenario's files (so machines need not share a folder), the posterior's text if the replicate
/// draws its parameters from one, and the identity of the work. A silo refuses work for another code version.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed class ReplicateWork
{
    /// <summary>SHA-256 of the scenario's files, as <see cref="Runs.Catalogue.RunKey"/> computes it.</summary>
    [Id(0)]
    public required string ScenarioHash { get; init; }

    /// <summary>The scenario's files, the scenario itself first and then the bases it builds on.</summary>
    [Id(1)]
    public required IReadOnlyList<ScenarioFile> ScenarioFiles { get; init; }

    /// <summary><c>point</c>, or <c>posterior sha256:…</c> of <see cref="PosteriorContent"/>.</summary>
    [Id(2)]
    public required string Parameters { get; init; }

    /// <summary>The posterior file's bytes when <see cref="Parameters"/> names one.</summary>
    [Id(3)]
    public byte[]? PosteriorContent { get; init; }

    /// <summary>The replicate's index in the ensemble (a posterior's draw for it depends on it).</summary>
    [Id(4)]
    public required int Replicate { get; init; }

    /// <summary>The replicate's seed (<see cref="Simulation.Agents.AgentScenario.ReplicateSeed"/>).</summary>
    [Id(5)]
    public required ulong Seed { get; init; }

    /// <summary>The code the coordinator runs: <see cref="CurrentCode"/> of its build.</summary>
    [Id(6)]
    public required string CodeVersion { get; init; }

    /// <summary>
    /// This build's code version as work carries it: the engine's (<see cref="Runs.Catalogue.RunKey.Code"/>, which does not
    /// cover Paz.Cluster) and the result's format (<see cref="ReplicateCodec.Format"/>). Both enter the grain key, so a
    /// result stored by a build that wrote another format is never served to this one, and a silo refuses work from a
    /// coordinator that would read its results otherwise.
    /// </summary>
    public static string CurrentCode { get; } = $"{Runs.Catalogue.RunKey.Code}; result format {ReplicateCodec.Format}";

    /// <summary>Model parameters set in every period before the run, by name (a calibration's candidate); none for an ensemble's replicate.</summary>
    [Id(7)]
    public IReadOnlyList<string> OverrideNames { get; init; } = [];

    /// <summary>The values of <see cref="OverrideNames"/>, in their order.</summary>
    [Id(8)]
    public IReadOnlyList<double> OverrideValues { get; init; } = [];

    /// <summary>Weeks to run (a calibration runs to its targets' last year); 0: the scenario's whole period.</summary>
    [Id(9)]
    public int Weeks { get; init; }

    /// <summary>A backtest's origin: what the record shows after its December (breakaways, wars) is held as it was then
    /// (<see cref="Simulation.Backtesting.RecordedHistory.Through"/>); 0: the scenario as written.</summary>
    [Id(10)]
    public int RecordedThrough { get; init; }

    /// <summary>
    /// The grain key: the same work has the same key, so a rerun finds the stored result. The replicate index enters
    /// only with a posterior, where it picks the parameter set; a candidate's values (round-trip format) and weeks only
    /// when set, so an ensemble's keys are those it always had.
    /// </summary>
    public string Key => $"{ScenarioHash}|{Parameters}{(Parameters == "point" ? string.Empty : $"#{Replicate}")}|{Seed}|{CodeVersion}{Candidate}";

    private string Candidate => OverrideNames.Count == 0 && Weeks == 0 && RecordedThrough == 0
        ? string.Empty
        : $"|{string.Join(';', OverrideNames.Select((n, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n}={OverrideValues[i]:R}")))}|{Weeks}{(RecordedThrough == 0 ? string.Empty : $"|recorded to {RecordedThrough}")}";
}
