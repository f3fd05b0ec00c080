using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Tribunal.Audit;

/// <summary>One audit record: who did what, to which record, when, why, and with what outcome.</summary>
public sealed record AuditEntry(long Seq, string At, string Actor, string Role, string Action, string Target, string Purpose, string Outcome, string PrevHash, string Hash);

/// <summary>What <see cref="AuditChain.VerifyAsync"/> found.</summary>
/// <param name="Intact">Whether every row links to the previous one, hashes to its stored hash, and the head matches.</param>
/// <param name="Rows">Rows checked.</param>
/// <param name="Problems">What is wrong, row by row.</param>
public sealed record AuditVerification(bool Intact, long Rows, IReadOnlyList<string> Problems);

/// <summary>
/// The append-only, hash-chained audit log. Each row's hash is SHA-256 over the previous row's hash and
/// the row's fields; appends lock the chain's head in the caller's transaction, so the record of an
/// action commits or rolls back with the action itself. The chain finds a careless or partial change;
/// an intruder who rehashes it is found by signed checkpoints of the rows' Merkle tree
/// (<see cref="CheckpointAsync"/>, <see cref="AuditCheckpoint"/>), kept away from the database.
/// </summary>
public static class AuditChain
{
    /// <summary>The SELECT that reads audit rows into <see cref="AuditEntry"/> (append WHERE / ORDER BY).</summary>
    public const string SelectEntries =
        "SELECT seq AS Seq, at AS At, actor AS Actor, role AS Role, action AS Action, target AS Target, purpose AS Purpose, outcome AS Outcome, prev_hash AS PrevHash, hash AS Hash FROM audit";

    /// <summary>The hash before the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Appends a record inside <paramref name="transaction"/>.</summary>
    public static Task AppendAsync(Database database, DbConnection connection, DbTransaction transaction, string at, string actor, string role, string action, string target, string purpose, string outcome) =>
        AppendAllAsync(database, connection, transaction, [new PendingAuditRecord(at, actor, role, action, target, purpose, outcome)]);

    /// <summary>
    /// Appends <paramref name="records"/> in order inside <paramref name="transaction"/>: the head is locked and read
    /// once and moved once, and one prepared INSERT serves every row (a group commit's batch costs one statement per
    /// record, not three).
    /// </summary>
    public static async Task AppendAllAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingAuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var (seq, hash) = await connection.QuerySingleAsync<(long Seq, string Hash)>(
            "SELECT seq, hash FROM audit_head WHERE id = 1" + database.ForUpdate, transaction: transaction).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO audit (seq, at, actor, role, action, target, purpose, outcome, prev_hash, hash) VALUES (@seq, @at, @actor, @role, @action, @target, @purpose, @outcome, @prev, @hash)";
        var columns = new[] { "seq", "at", "actor", "role", "action", "target", "purpose", "outcome", "prev", "hash" }.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var r in records)
        {
            var previous = hash;
            seq++;
            hash = Hash(previous, seq, r.At, r.Actor, r.Role, r.Action, r.Target, r.Purpose, r.Outcome);
            object[] values = [seq, r.At, r.Actor, r.Role, r.Action, r.Target, r.Purpose, r.Outcome, previous, hash];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await connection.ExecuteAsync("UPDATE audit_head SET seq = @seq, hash = @hash WHERE id = 1", new { seq, hash }, transaction).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the whole chain and its head and, given a <paramref name="checkpoint"/>, that the log extends it:
    /// the checkpoint is signed by <paramref name="trustedPublicKey"/> and the Merkle root of the log's first
    /// rows, linked to today's root by a consistency proof, is the one it records. Without a checkpoint an
    /// intruder who rehashes the whole chain and moves the head goes unnoticed; with one, any rewrite or
    /// truncation of the rows it covers is found.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(Database database, AuditCheckpoint? checkpoint = null, string? trustedPublicKey = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var (rows, head) = await ReadAsync(database).ConfigureAwait(false);
        var problems = new List<string>();
        var previous = Genesis;
        var expectedSeq = 1L;
        foreach (var row in rows)
        {
            if (row.Seq != expectedSeq)
            {
                problems.Add($"row {expectedSeq}{(row.Seq > expectedSeq ? $"-{row.Seq - 1}" : string.Empty)} missing (next row is {row.Seq})");
            }

            if (row.PrevHash != previous)
            {
                problems.Add($"row {row.Seq}: does not link to the row before it");
            }

            if (Hash(row.PrevHash, row.Seq, row.At, row.Actor, row.Role, row.Action, row.Target, row.Purpose, row.Outcome) != row.Hash)
            {
                problems.Add($"row {row.Seq}: contents do not match its hash (altered)");
            }

            previous = row.Hash;
            expectedSeq = row.Seq + 1;
        }

        if (head.Seq != expectedSeq - 1 || head.Hash != previous)
        {
            problems.Add($"the chain ends at row {expectedSeq - 1} but its head records row {head.Seq} (rows removed from the end, or the head altered)");
        }

        if (checkpoint is not null)
        {
            problems.AddRange(Extends(rows, checkpoint, trustedPublicKey ?? throw new ArgumentNullException(nameof(trustedPublicKey))));
        }

        return new AuditVerification(problems.Count == 0, rows.Count, problems);
    }

    /// <summary>Signs the log's current size and Merkle root.</summary>
    public static async Task<AuditCheckpoint> CheckpointAsync(Database database, AuditSigner signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var (rows, _) = await ReadAsync(database).ConfigureAwait(false);
        var leaves = Leaves(rows);
        return signer.Sign(leaves.Count, Convert.ToHexStringLower(MerkleTree.Root(leaves, leaves.Count)), at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
    }

    // The checkpoint's problems with today's log: a forged or foreign signature, fewer rows than it covers, or a
    // consistency proof (built from today's rows, checked as an auditor without the rows would) that fails.
    private static IEnumerable<string> Extends(IReadOnlyList<AuditEntry> rows, AuditCheckpoint checkpoint, string trustedPublicKey)
    {
        if (!checkpoint.IsSignedBy(trustedPublicKey))
        {
            yield return "the checkpoint is not signed by this installation's audit key (forged, altered, or another installation's)";
            yield break;
        }

        if (checkpoint.Size > rows.Count)
        {
            yield return $"the log has {rows.Count} rows but the checkpoint of {checkpoint.At} covers {checkpoint.Size} (rows removed)";
            yield break;
        }

        var leaves = Leaves(rows);
        var proof = MerkleTree.ConsistencyProof(leaves, checkpoint.Size);
        byte[] recorded;
        try
        {
            recorded = Convert.FromHexString(checkpoint.Root);
        }
        catch (FormatException)
        {
            recorded = [];
        }

        if (!MerkleTree.VerifyConsistency(checkpoint.Size, leaves.Count, recorded, MerkleTree.Root(leaves, leaves.Count), proof))
        {
            yield return $"the log's first {checkpoint.Size} rows are not those the checkpoint of {checkpoint.At} signed (rows altered, removed or reordered before it)";
        }
    }

    private static async Task<(IReadOnlyList<AuditEntry> Rows, (long Seq, string Hash) Head)> ReadAsync(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = (await connection.QueryAsync<AuditEntry>(SelectEntries + " ORDER BY seq").ConfigureAwait(false)).ToList();
        var head = await connection.QuerySingleAsync<(long Seq, string Hash)>("SELECT seq, hash FROM audit_head WHERE id = 1").ConfigureAwait(false);
        return (rows, head);
    }

    // A leaf is a row's content, not its stored hashes: a forger who rewrites the chain's hashes changes nothing here.
    private static List<byte[]> Leaves(IReadOnlyList<AuditEntry> rows) =>
        [.. rows.Select(r => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(Canonical(r.Seq, r.At, r.Actor, r.Role, r.Action, r.Target, r.Purpose, r.Outcome))))];

    private static string Canonical(long seq, string at, string actor, string role, string action, string target, string purpose, string outcome) =>
        string.Join('\u001f', seq.ToString(CultureInfo.InvariantCulture), at, actor, role, action, target, purpose, outcome);

    /// <summary>The hash of a row.</summary>
    public static string Hash(string previous, long seq, string at, string actor, string role, string action, string target, string purpose, string outcome)
    {
        var text = previous + '\u001f' + Canonical(seq, at, actor, role, action, target, purpose, outcome);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
