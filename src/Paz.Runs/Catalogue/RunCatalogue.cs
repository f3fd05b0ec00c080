using System.Globalization;
using Dapper;
using Paz.Storage;

namespace Paz.Runs.Catalogue;

/// <summary>
/// The catalogue of ensemble runs (docs/runs.md): one row per <see cref="RunKey"/>, with its status, progress and
/// the folder of its outputs, in the same kind of database as the tribunal's registry (<see cref="Database"/>: a SQLite
/// file by default, PostgreSQL optionally). A request whose key has a finished row with its outputs on disk is served
/// from it; a failed, interrupted or vanished one is run again in the same row.
/// </summary>
public sealed class RunCatalogue
{
    private const string Columns = "id AS Id, scenario AS Scenario, scenario_hash AS ScenarioHash, seed AS Seed, replicates AS Replicates, parameters AS Parameters, code_version AS CodeVersion, status AS Status, done AS Done, outputs AS Outputs, error AS Error, started_by AS StartedBy, created AS Created, finished AS Finished";

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY, scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed TEXT NOT NULL, replicates BIGINT NOT NULL,
            parameters TEXT NOT NULL, code_version TEXT NOT NULL, status TEXT NOT NULL, done BIGINT NOT NULL DEFAULT 0,
            outputs TEXT NOT NULL, error TEXT NULL, started_by TEXT NULL, created TEXT NOT NULL, finished TEXT NULL)
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS runs_key ON runs (scenario_hash, seed, replicates, parameters, code_version)",
    ];

    private readonly TimeProvider _clock;

    static RunCatalogue() => SqlMapper.AddTypeHandler(new StatusHandler());

    private RunCatalogue(Database database, TimeProvider clock)
    {
        Database = database;
        _clock = clock;
    }

    /// <summary>The database.</summary>
    public Database Database { get; }

    /// <summary>Opens the catalogue in <paramref name="database"/>, creating its table if missing.</summary>
    public static async Task<RunCatalogue> OpenAsync(Database database, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.CreateSchemaAsync(Schema, []).ConfigureAwait(false);
        return new RunCatalogue(database, clock ?? TimeProvider.System);
    }

    /// <summary>
    /// The row for <paramref name="key"/>, unless <paramref name="rerun"/>: <see cref="Claim.Served"/> when it finished and its outputs
    /// are still on disk, <see cref="Claim.Busy"/> while it is queued or running; otherwise (re)claimed as <see cref="RunStatus.Queued"/>
    /// with progress 0, to be written to <paramref name="outputs"/> (<see cref="Claim.Claimed"/>).
    /// </summary>
    public async Task<(StoredRun Run, Claim Claim)> ClaimAsync(RunKey key, string outputs, string? startedBy, bool rerun = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await Database.InTransactionAsync(async (connection, transaction) =>
        {
            var existing = await connection.QuerySingleOrDefaultAsync<StoredRun>(
                $"SELECT {Columns} FROM runs WHERE scenario_hash = @ScenarioHash AND seed = @SeedText AND replicates = @Replicates AND parameters = @Parameters AND code_version = @CodeVersion{Database.ForUpdate}",
                new { key.ScenarioHash, key.SeedText, Replicates = (long)key.Replicates, key.Parameters, key.CodeVersion }, transaction).ConfigureAwait(false);
            if (existing is { Servable: true } && !rerun)
            {
                return (existing, Claim.Served);
            }

            if (existing is { Status: RunStatus.Queued or RunStatus.Running } && !rerun)
            {
                return (existing, Claim.Busy);
            }

            var now = Now();
            var id = existing?.Id ?? "r-" + Guid.NewGuid().ToString("N")[..12];
            await connection.ExecuteAsync(
                existing is null
                    ? "INSERT INTO runs (id, scenario, scenario_hash, seed, replicates, parameters, code_version, status, done, outputs, error, started_by, created, finished) VALUES (@id, @Scenario, @ScenarioHash, @SeedText, @Replicates, @Parameters, @CodeVersion, @status, 0, @outputs, NULL, @startedBy, @now, NULL)"
                    : "UPDATE runs SET scenario = @Scenario, status = @status, done = 0, outputs = @outputs, error = NULL, started_by = @startedBy, created = @now, finished = NULL WHERE id = @id",
                new { id, key.Scenario, key.ScenarioHash, key.SeedText, Replicates = (long)key.Replicates, key.Parameters, key.CodeVersion, status = Wire(RunStatus.Queued), outputs = Path.GetFullPath(outputs), startedBy, now },
                transaction).ConfigureAwait(false);
            return (await connection.QuerySingleAsync<StoredRun>($"SELECT {Columns} FROM runs WHERE id = @id", new { id }, transaction).ConfigureAwait(false), Claim.Claimed);
        }).ConfigureAwait(false);
    }

    /// <summary>Records that <paramref name="done"/> replicates of run <paramref name="id"/> have finished (and that it is running).</summary>
    public Task ProgressAsync(string id, int done) =>
        Update("UPDATE runs SET status = @status, done = @done WHERE id = @id", new { id, done = (long)done, status = Wire(RunStatus.Running) });

    /// <summary>Marks run <paramref name="id"/> finished.</summary>
    public Task FinishAsync(string id) =>
        Update("UPDATE runs SET status = @status, done = replicates, finished = @now WHERE id = @id", new { id, status = Wire(RunStatus.Done), now = Now() });

    /// <summary>Marks run <paramref name="id"/> failed with <paramref name="error"/>.</summary>
    public Task FailAsync(string id, string error) =>
        Update("UPDATE runs SET status = @status, error = @error, finished = @now WHERE id = @id", new { id, error, status = Wire(RunStatus.Failed), now = Now() });

    /// <summary>Marks every queued or running row interrupted: called when a service starts, since no run of an earlier process is still going.</summary>
    public async Task<int> InterruptUnfinishedAsync()
    {
        await using var connection = await Database.OpenAsync().ConfigureAwait(false);
        return await connection.ExecuteAsync(
            "UPDATE runs SET status = @interrupted WHERE status IN (@queued, @running)",
            new { interrupted = Wire(RunStatus.Interrupted), queued = Wire(RunStatus.Queued), running = Wire(RunStatus.Running) }).ConfigureAwait(false);
    }

    /// <summary>The run <paramref name="id"/>, or null.</summary>
    public async Task<StoredRun?> GetAsync(string id)
    {
        await using var connection = await Database.OpenAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<StoredRun>($"SELECT {Columns} FROM runs WHERE id = @id", new { id }).ConfigureAwait(false);
    }

    /// <summary>Runs, newest first, optionally only of a scenario whose name contains <paramref name="scenario"/> and in <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<StoredRun>> ListAsync(string? scenario = null, RunStatus? status = null)
    {
        await using var connection = await Database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<StoredRun>(
            $"SELECT {Columns} FROM runs WHERE (@scenario IS NULL OR scenario LIKE @pattern) AND (@status IS NULL OR status = @status) ORDER BY created DESC, id",
            new { scenario, pattern = scenario is null ? null : "%" + scenario + "%", status = status is null ? null : Wire(status.Value) }).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>A status as stored and as the API names it.</summary>
    public static string Wire(RunStatus status) => status.ToString().ToLowerInvariant();

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private async Task Update(string sql, object parameters)
    {
        await using var connection = await Database.OpenAsync().ConfigureAwait(false);
        await connection.ExecuteAsync(sql, parameters).ConfigureAwait(false);
    }

    private sealed class StatusHandler : SqlMapper.TypeHandler<RunStatus>
    {
        public override RunStatus Parse(object value) => Enum.Parse<RunStatus>((string)value, ignoreCase: true);

        public override void SetValue(System.Data.IDbDataParameter parameter, RunStatus value) => parameter.Value = Wire(value);
    }
}
