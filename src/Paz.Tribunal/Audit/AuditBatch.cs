using System.Collections.Concurrent;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Tribunal.Audit;

/// <summary>One audit record waiting to be appended.</summary>
/// <param name="At">When the attempt happened (UTC, ISO 8601).</param>
/// <param name="Actor">Who.</param>
/// <param name="Role">Their role, as on the wire.</param>
/// <param name="Action">The action, as on the wire.</param>
/// <param name="Target">What it touched.</param>
/// <param name="Purpose">The purpose stated.</param>
/// <param name="Outcome">Allowed, refused, denied or failed, with why.</param>
public sealed record PendingAuditRecord(string At, string Actor, string Role, string Action, string Target, string Purpose, string Outcome);

/// <summary>
/// Group commit of the audit records that are not part of a change's own transaction (reads, denials, refusals): each
/// caller queues its record and waits until it is committed; whoever holds the flush finds every record queued so far
/// and appends them all in one write transaction, in queue order. Under load one commit carries many records instead
/// of one each, and the single SQLite writer is taken once per batch. A caller returns only after its own record is
/// committed (or with the error that kept it from being), so nothing is answered unrecorded.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim holds an unmanaged handle only once AvailableWaitHandle is read, which this class never does; it lives as long as its registry.")]
public sealed class AuditBatch(Database database)
{
    private readonly ConcurrentQueue<(PendingAuditRecord Entry, TaskCompletionSource Committed)> _queue = new();
    private readonly SemaphoreSlim _flush = new(1, 1);

    /// <summary>Records <paramref name="entry"/>; completes once it is committed.</summary>
    public async Task AppendAsync(PendingAuditRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue((entry, committed));
        await _flush.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!committed.Task.IsCompleted)
            {
                await FlushAsync().ConfigureAwait(false); // ours is still queued: commit it with every other one waiting
            }
        }
        finally
        {
            _flush.Release();
        }

        await committed.Task.ConfigureAwait(false);
    }

    private async Task FlushAsync()
    {
        var batch = new List<(PendingAuditRecord Entry, TaskCompletionSource Committed)>();
        while (_queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            await database.InTransactionAsync(async (connection, transaction) =>
            {
                await AuditChain.AppendAllAsync(database, connection, transaction, [.. batch.Select(b => b.Entry)]).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            batch.ForEach(b => b.Committed.TrySetException(failure));
            return;
        }

        batch.ForEach(b => b.Committed.TrySetResult());
    }
}
