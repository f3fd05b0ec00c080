using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Paz.Storage.Sqlite;

namespace Paz.Storage;

/// <summary>
/// Paz's databases (the tribunal's registry, the analysts' run catalogue): SQLite by default (WAL, foreign keys, synchronous=NORMAL, which survives a
/// killed process though not a power cut), PostgreSQL when a connection string is given. The SQL is
/// portable; the two differ only in how the audit chain's head is locked (SQLite's write transactions
/// are serialized by BEGIN IMMEDIATE, PostgreSQL's by SELECT … FOR UPDATE).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore never creates a wait handle (only WaitAsync is used), so it holds nothing to dispose.")]
public sealed class Database
{
    private readonly string _connectionString;

    // SQLite has one writer at a time; a transaction that finds the file locked is retried by
    // Microsoft.Data.Sqlite after a fixed 150 ms sleep, which dominates tail latency under load. Queuing
    // this process's write transactions here means they never meet that lock.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    // SQLite connections are Paz's own (Sqlite/SqliteConnectionPool): they stay open with their prepared statements.
    private readonly SqliteConnectionPool? _sqlitePool;

    private Database(string connectionString, bool postgres)
    {
        _connectionString = connectionString;
        IsPostgres = postgres;
        _sqlitePool = postgres ? null : new SqliteConnectionPool(connectionString, _sqliteWriter);
    }

    /// <summary>Whether this is PostgreSQL.</summary>
    public bool IsPostgres { get; }

    /// <summary>The clause that locks the row read for update (empty on SQLite).</summary>
    public string ForUpdate => IsPostgres ? " FOR UPDATE" : string.Empty;

    /// <summary>
    /// A condition that <paramref name="column"/> is one of the array parameter <paramref name="parameter"/>: Dapper
    /// expands a list into IN (…) for SQLite, but hands Npgsql the array itself, which PostgreSQL compares with ANY.
    /// </summary>
    public string AnyOf(string column, string parameter) => IsPostgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>A SQLite database in <paramref name="path"/>.</summary>
    public static Database Sqlite(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString(), postgres: false);

    // The file holds encrypted cases but readable names of users and the audit log: readable by its owner only.
    // SQLite creates the WAL and shared-memory files with the database file's permissions.
    private static void OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>A PostgreSQL database.</summary>
    public static Database Postgres(string connectionString) => new(connectionString, postgres: true);

    /// <summary>Where the database is, for messages: the SQLite file, or the PostgreSQL host and database (never the password).</summary>
    public string Describe()
    {
        if (!IsPostgres)
        {
            return new SqliteConnectionStringBuilder(_connectionString).DataSource;
        }

        var postgres = new NpgsqlConnectionStringBuilder(_connectionString);
        return $"PostgreSQL database {postgres.Database} on {postgres.Host}";
    }

    /// <summary>Opens a connection.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        if (_sqlitePool is not null)
        {
            cancel.ThrowIfCancellationRequested();
            return _sqlitePool.Rent();
        }

        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancel).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; commits when it returns.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancel).ConfigureAwait(false);
        if (!IsPostgres)
        {
            await _sqliteWriter.WaitAsync(cancel).ConfigureAwait(false);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
            _sqlitePool?.Committed();
            return result;
        }
        finally
        {
            if (!IsPostgres)
            {
                _sqliteWriter.Release();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a read-only snapshot (a deferred transaction in SQLite's WAL mode, repeatable
    /// read on PostgreSQL): consistent across its queries, and never queued behind the writers.
    /// </summary>
    public async Task<T> InReadTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancel).ConfigureAwait(false);
        await using var transaction = connection is StatementCachingConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancel).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Creates missing tables: runs <paramref name="statements"/> (idempotent CREATE … IF NOT EXISTS), then adds each
    /// of <paramref name="addedColumns"/> a table created by an older version lacks. A SQLite file is made readable by
    /// its owner only and put in WAL mode first.
    /// </summary>
    public async Task CreateSchemaAsync(IEnumerable<string> statements, IEnumerable<(string Table, string Column, string Definition)> addedColumns)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(addedColumns);
        await using var connection = await OpenAsync().ConfigureAwait(false);
        if (!IsPostgres)
        {
            OwnerOnly(new SqliteConnectionStringBuilder(_connectionString).DataSource);
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
        }

        foreach (var statement in statements)
        {
            await connection.ExecuteAsync(statement).ConfigureAwait(false);
        }

        foreach (var (table, column, definition) in addedColumns)
        {
            var exists = IsPostgres
                ? await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = @table AND column_name = @column", new { table, column }).ConfigureAwait(false)
                : await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = @column", new { column }).ConfigureAwait(false);
            if (exists == 0)
            {
                await connection.ExecuteAsync($"ALTER TABLE {table} ADD COLUMN {column} {definition}").ConfigureAwait(false);
            }
        }
    }
}
