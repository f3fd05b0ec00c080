namespace Paz.Runs.Catalogue;

/// <summary>Where a run is in its life.</summary>
public enum RunStatus
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>Replicates are running.</summary>
    Running,

    /// <summary>Finished; its outputs are in <see cref="StoredRun.Outputs"/>.</summary>
    Done,

    /// <summary>Stopped by an error (<see cref="StoredRun.Error"/>).</summary>
    Failed,

    /// <summary>Its process ended before it finished (found so when a service starts).</summary>
    Interrupted,
}

/// <summary>What <see cref="RunCatalogue.ClaimAsync"/> found for a key.</summary>
public enum Claim
{
    /// <summary>A finished run with its outputs: serve it, do not run.</summary>
    Served,

    /// <summary>The same run is queued or running: watch it, do not start another.</summary>
    Busy,

    /// <summary>Claimed for the caller to run.</summary>
    Claimed,
}

/// <summary>One row of the run catalogue.</summary>
/// <param name="Id">The run's id (<c>r-</c> and 12 hex digits).</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioHash">See <see cref="RunKey.ScenarioHash"/>.</param>
/// <param name="Seed">The ensemble's seed (decimal).</param>
/// <param name="Replicates">The ensemble's size.</param>
/// <param name="Parameters">See <see cref="RunKey.Parameters"/>.</param>
/// <param name="CodeVersion">See <see cref="RunKey.Code"/>.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Done">Replicates finished.</param>
/// <param name="Outputs">The folder holding its outputs (summary.json, homicides_monthly.parquet, …).</param>
/// <param name="Error">Why it failed, if it did.</param>
/// <param name="StartedBy">Who asked for it (a user of <c>paz serve</c>, or <c>cli</c>).</param>
/// <param name="Created">When it was asked for (UTC, ISO 8601).</param>
/// <param name="Finished">When it finished (UTC, ISO 8601), if it did.</param>
public sealed record StoredRun(
    string Id,
    string Scenario,
    string ScenarioHash,
    string Seed,
    long Replicates,
    string Parameters,
    string CodeVersion,
    RunStatus Status,
    long Done,
    string Outputs,
    string? Error,
    string? StartedBy,
    string Created,
    string? Finished)
{
    /// <summary>The summary file of a finished run.</summary>
    public string SummaryPath => Path.Combine(Outputs, "summary.json");

    /// <summary>Whether its outputs can be served: finished, and its summary still on disk.</summary>
    public bool Servable => Status == RunStatus.Done && File.Exists(SummaryPath);
}
