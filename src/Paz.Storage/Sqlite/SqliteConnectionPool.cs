using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Paz.Storage.Sqlite;

/// <summary>
/// Paz's own pool of open SQLite connections, each keeping its prepared statements (<see cref="StatementCachingConnection"/>).
/// Microsoft.Data.Sqlite pools native connections but prepares every command's SQL anew, and finalizes a command's
/// statements when its connection object closes (dotnet/efcore#14044, open since 2018): under the registry's load,
/// compiling the same dozen statements was the largest single cost of a request. A connection here stays open while it
/// is idle, so what it prepared is reused by the next request that rents it. Its connections leave checkpoints to
/// <see cref="WalCheckpoints"/>.
/// </summary>
internal sealed class SqliteConnectionPool
{
    // Enough for every request in flight under the load the registry is sized for (32 clients, a few connections each);
    // a connection returned beyond it is closed, and those idle for longer than a minute are closed once a minute.
    private const int MaximumIdle = 48;
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(1);

    private readonly string _connectionString;
    private readonly WalCheckpoints _checkpoints;
    private readonly ConcurrentStack<(StatementCachingConnection Connection, long ReturnedAt)> _idle = new();
    private long _lastPruned = Environment.TickCount64;

    /// <summary>A pool for <paramref name="connectionString"/>; <paramref name="writeLock"/> is taken by every write transaction.</summary>
    public SqliteConnectionPool(string connectionString, SemaphoreSlim writeLock)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _checkpoints = new WalCheckpoints(this, writeLock);
    }

    /// <summary>A write transaction on one of this pool's connections committed (see <see cref="WalCheckpoints"/>).</summary>
    public void Committed() => _checkpoints.Committed();

    /// <summary>An open, configured connection: one that was idle, or a new one.</summary>
    public StatementCachingConnection Rent()
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.Connection.IsUsable)
            {
                idle.Connection.Rented();
                return idle.Connection;
            }

            idle.Connection.CloseForGood();
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;";
            command.ExecuteNonQuery();
        }

        return new StatementCachingConnection(connection, this);
    }

    /// <summary>Takes a connection back; one left in a transaction is rolled back first.</summary>
    public void Return(StatementCachingConnection connection)
    {
        var now = Environment.TickCount64;
        if (!connection.EndAbandonedTransaction() || _idle.Count >= MaximumIdle)
        {
            connection.CloseForGood();
        }
        else
        {
            _idle.Push((connection, now));
        }

        if (now - Interlocked.Read(ref _lastPruned) > IdleLifetime.TotalMilliseconds)
        {
            Prune(now);
        }
    }

    // Once a lifetime at most: the connections idle all that time are closed, the others go back.
    private void Prune(long now)
    {
        Interlocked.Exchange(ref _lastPruned, now);
        var kept = new List<(StatementCachingConnection Connection, long ReturnedAt)>();
        while (_idle.TryPop(out var idle))
        {
            if (now - idle.ReturnedAt > IdleLifetime.TotalMilliseconds)
            {
                idle.Connection.CloseForGood();
            }
            else
            {
                kept.Add(idle);
            }
        }

        kept.Reverse();
        kept.ForEach(_idle.Push);
    }
}
