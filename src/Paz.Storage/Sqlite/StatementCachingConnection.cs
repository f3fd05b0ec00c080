using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Paz.Storage.Sqlite;

/// <summary>
/// An open SQLite connection rented from <see cref="SqliteConnectionPool"/> that keeps the statements it prepared: a
/// command created on it (by Dapper or by hand) runs on a prepared <see cref="SqliteCommand"/> cached under its SQL text,
/// so a statement is compiled once per connection, not once per call. Closing or disposing it returns it to the pool.
/// One operation uses a connection at a time, as with any ADO.NET connection.
/// </summary>
public sealed class StatementCachingConnection : DbConnection
{
    // Enough for every distinct statement the registry and the run catalogue issue; beyond it a statement is prepared
    // for its call only (a list expanded into IN (…) makes one text per length).
    private const int MaximumStatements = 128;

    private readonly SqliteConnection _inner;
    private readonly SqliteConnectionPool _pool;
    private readonly Dictionary<string, (SqliteCommand Command, bool InUse)> _statements = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private bool _rented = true;

    internal StatementCachingConnection(SqliteConnection inner, SqliteConnectionPool pool)
    {
        _inner = inner;
        _pool = pool;
    }

    /// <summary>How many statements this connection has compiled since it was opened (one per text while the cache holds it).</summary>
    public int StatementsCompiled { get; private set; }

    /// <summary>The underlying connection.</summary>
    public SqliteConnection Inner => _inner;

    /// <summary>Begins a transaction; <paramref name="deferred"/> takes no lock until the first read or write.</summary>
    public SqliteTransaction BeginTransaction(bool deferred) => _transaction = _inner.BeginTransaction(deferred);

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString
    {
        get => _inner.ConnectionString;
        set => throw new NotSupportedException("a pooled connection's settings are its pool's");
    }

    /// <inheritdoc/>
    public override string Database => _inner.Database;

    /// <inheritdoc/>
    public override string DataSource => _inner.DataSource;

    /// <inheritdoc/>
    public override string ServerVersion => _inner.ServerVersion;

    /// <inheritdoc/>
    public override ConnectionState State => _rented ? _inner.State : ConnectionState.Closed;

    internal bool IsUsable => _inner.State == ConnectionState.Open;

    /// <inheritdoc/>
    public override void ChangeDatabase(string databaseName) => _inner.ChangeDatabase(databaseName);

    /// <inheritdoc/>
    public override void Open()
    {
        if (!_rented)
        {
            throw new InvalidOperationException("a pooled connection is opened by renting it again");
        }
    }

    /// <summary>Returns the connection to its pool (it stays open there, with its statements).</summary>
    public override void Close()
    {
        if (_rented)
        {
            _rented = false;
            _pool.Return(this);
        }
    }

    /// <inheritdoc/>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => _transaction = _inner.BeginTransaction(isolationLevel);

    /// <inheritdoc/>
    protected override DbCommand CreateDbCommand() => new CachedStatementCommand(this);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    internal void Rented() => _rented = true;

    /// <summary>The prepared command for <paramref name="sql"/>: the cached one if free, else one for this call.</summary>
    internal SqliteCommand Rent(string sql)
    {
        if (_statements.TryGetValue(sql, out var cached) && !cached.InUse)
        {
            _statements[sql] = (cached.Command, true);
            return cached.Command;
        }

        var command = _inner.CreateCommand();
        command.CommandText = sql;
        StatementsCompiled++;
        if (cached.Command is null && _statements.Count < MaximumStatements)
        {
            _statements[sql] = (command, true);
        }

        return command;
    }

    /// <summary>Gives back a command from <see cref="Rent"/>: a cached one keeps its prepared statement.</summary>
    internal void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (_statements.TryGetValue(command.CommandText, out var cached) && ReferenceEquals(cached.Command, command))
        {
            _statements[command.CommandText] = (command, false);
        }
        else
        {
            command.Dispose();
        }
    }

    // False when the connection cannot be reused: a transaction the caller left open could not be rolled back.
    internal bool EndAbandonedTransaction()
    {
        var open = _transaction?.Connection is not null;
        var transaction = _transaction;
        _transaction = null;
        if (!open)
        {
            return IsUsable;
        }

        try
        {
            transaction!.Rollback();
            return IsUsable;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    internal void CloseForGood()
    {
        foreach (var (command, _) in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
        _inner.Dispose();
    }
}
