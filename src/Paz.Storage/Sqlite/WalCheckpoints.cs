namespace Paz.Storage.Sqlite;

/// <summary>
/// Moves the write-ahead log into the database file in the background. SQLite's automatic checkpoint runs inside the
/// commit that crosses its threshold, copying and syncing while that writer holds the single write lock: under the
/// registry's load those commits were the tail of every request's latency (p99 40-47 ms with it, 27-30 ms without,
/// `tribunal-load`). The pool's connections turn it off (<c>wal_autocheckpoint=0</c>) and this checkpoints after commits,
/// at most one at a time and one every three seconds (once a second gave a p99 of 25-29 ms against 20 ms): passive passes, waiting for no reader or writer, copy what the log holds
/// (a few, while each finds many frames written since the one before), then one pass holding the process's write lock
/// (the one every write transaction takes first) copies the little written meanwhile, so that the log is wholly in the
/// database and the next writer starts it over. Without that last pass a log written to without pause is never wholly
/// copied and grows without end.
/// </summary>
internal sealed class WalCheckpoints(SqliteConnectionPool pool, SemaphoreSlim writeLock)
{
    private const long Interval = 3000;

    // The passes without the lock go on while each finds more than this many frames new since the one before: the
    // pass under the lock then copies only what the last one's few milliseconds added.
    private const long FewFrames = 64;

    private int _running;
    private long _last = Environment.TickCount64;

    // One passive checkpoint; the frames the log held when it began.
    private static long Pass(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        using var result = command.ExecuteReader();
        return result.Read() ? result.GetInt64(1) : 0;
    }

    /// <summary>A write transaction committed: start a checkpoint if none ran for three seconds.</summary>
    public void Committed()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _last) < Interval || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _last, now);
        _ = Task.Run(async () =>
        {
            try
            {
                using var connection = pool.Rent();
                using var command = connection.Inner.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                for (long passes = 0, before = 0, logged = Pass(command); passes < 4 && logged - before > FewFrames; passes++)
                {
                    (before, logged) = (logged, Pass(command));
                }

                await writeLock.WaitAsync().ConfigureAwait(false);
                try
                {
                    Pass(command);
                }
                finally
                {
                    writeLock.Release();
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // A checkpoint that cannot run now (the file busy, the disk full) is retried after the next commit; the
                // log keeps every committed write meanwhile.
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        });
    }
}
