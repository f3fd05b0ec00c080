using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Paz.Storage.Sqlite;

/// <summary>
/// A command on a <see cref="StatementCachingConnection"/>: its text and parameters are collected on a scratch command
/// (never prepared), and each execution runs on the connection's prepared command for the final text (Dapper rewrites
/// the text after adding parameters when it expands a list), with these parameters bound.
/// </summary>
internal sealed class CachedStatementCommand(StatementCachingConnection connection) : DbCommand
{
    private readonly SqliteCommand _scratch = new();
    private readonly List<SqliteCommand> _running = [];
    private DbTransaction? _transaction;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText
    {
        get => _scratch.CommandText;
        set => _scratch.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => _scratch.CommandTimeout;
        set => _scratch.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => _scratch.CommandType;
        set => _scratch.CommandType = value;
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource
    {
        get => _scratch.UpdatedRowSource;
        set => _scratch.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("a cached statement stays on its connection");
    }

    protected override DbParameterCollection DbParameterCollection => _scratch.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = value;
    }

    public override void Cancel() => _running.ForEach(c => c.Cancel());

    public override int ExecuteNonQuery()
    {
        var command = Start();
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            Finish(command);
        }
    }

    public override object? ExecuteScalar()
    {
        var command = Start();
        try
        {
            return command.ExecuteScalar();
        }
        finally
        {
            Finish(command);
        }
    }

    public override void Prepare()
    {
        var command = Start();
        try
        {
            command.Prepare();
        }
        finally
        {
            Finish(command);
        }
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    // The reader holds the statement until it is disposed; the command is given back when this command is.
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Start().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _running.ToList().ForEach(Finish);
            _scratch.Dispose();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Start()
    {
        var command = connection.Rent(_scratch.CommandText);
        command.Transaction = (SqliteTransaction?)_transaction;
        command.CommandTimeout = _scratch.CommandTimeout;
        foreach (SqliteParameter parameter in _scratch.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        _running.Add(command);
        return command;
    }

    private void Finish(SqliteCommand command)
    {
        if (_running.Remove(command))
        {
            connection.Return(command);
        }
    }
}
