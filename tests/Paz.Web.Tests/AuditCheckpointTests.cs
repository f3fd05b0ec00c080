using Dapper;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Web.Tests;

/// <summary>
/// The intruder of finding 2: owner rights on the database, no key file. Rewriting rows and rehashing the whole
/// chain fools the chain alone; an earlier signed checkpoint catches it. Run on both databases.
/// </summary>
public abstract class AuditCheckpointTests
{
    protected abstract Backend Backend { get; }

    private static readonly byte[] Seed = [.. Enumerable.Range(0, 32).Select(i => (byte)(200 - i))];

    [Fact]
    public async Task ARewrittenAndRehashedLogThatTheChainCallsIntactFailsAgainstAnEarlierCheckpoint()
    {
        using var host = Backends.NewHost(Backend);
        using var signer = new AuditSigner(Seed);
        await Scenario.CaseIn(host, CaseStatus.Granted);
        var checkpoint = await AuditChain.CheckpointAsync(host.Database, signer, DateTimeOffset.UnixEpoch);
        await Scenario.CaseIn(host, CaseStatus.Screened, "Another Applicant");

        await Forge(host.Database, rows => rows.Select(r => r.Seq == 3 ? r with { Actor = "someone-else" } : r));

        Assert.True((await AuditChain.VerifyAsync(host.Database)).Intact, "the forgery should fool the unkeyed chain (else this test shows nothing)");
        var verification = await AuditChain.VerifyAsync(host.Database, checkpoint, signer.PublicKey);
        Assert.False(verification.Intact);
        Assert.Contains(verification.Problems, p => p.Contains($"first {checkpoint.Size} rows are not those", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATruncatedLogWithItsHeadMovedFailsAgainstAnEarlierCheckpoint()
    {
        using var host = Backends.NewHost(Backend);
        using var signer = new AuditSigner(Seed);
        await Scenario.CaseIn(host, CaseStatus.Granted);
        var checkpoint = await AuditChain.CheckpointAsync(host.Database, signer, DateTimeOffset.UnixEpoch);

        await Forge(host.Database, rows => rows.Take(rows.Count - 4));

        Assert.True((await AuditChain.VerifyAsync(host.Database)).Intact);
        var verification = await AuditChain.VerifyAsync(host.Database, checkpoint, signer.PublicKey);
        Assert.False(verification.Intact);
        Assert.Contains(verification.Problems, p => p.Contains("rows removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALogThatOnlyGrewSinceACheckpointExtendsIt()
    {
        using var host = Backends.NewHost(Backend);
        using var signer = new AuditSigner(Seed);
        await Scenario.CaseIn(host, CaseStatus.Filed);
        var checkpoint = await AuditChain.CheckpointAsync(host.Database, signer, DateTimeOffset.UnixEpoch);
        await Scenario.CaseIn(host, CaseStatus.Granted, "Later Applicant");

        var verification = await AuditChain.VerifyAsync(host.Database, checkpoint, signer.PublicKey);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
        Assert.True(verification.Rows > checkpoint.Size);
    }

    [Fact]
    public async Task ACheckpointSignedByAnotherKeyOrAlteredAfterSigningIsRefused()
    {
        using var host = Backends.NewHost(Backend);
        using var signer = new AuditSigner(Seed);
        using var stranger = new AuditSigner(new byte[32]);
        await Scenario.CaseIn(host, CaseStatus.Filed);
        var genuine = await AuditChain.CheckpointAsync(host.Database, signer, DateTimeOffset.UnixEpoch);
        var foreign = await AuditChain.CheckpointAsync(host.Database, stranger, DateTimeOffset.UnixEpoch);

        Assert.False((await AuditChain.VerifyAsync(host.Database, foreign, signer.PublicKey)).Intact);
        Assert.False((await AuditChain.VerifyAsync(host.Database, genuine with { Size = genuine.Size - 1 }, signer.PublicKey)).Intact);
        Assert.True((await AuditChain.VerifyAsync(host.Database, genuine, signer.PublicKey)).Intact);
    }

    // What the intruder does: drop the append-only triggers, replace the rows with an edited copy renumbered from
    // 1, recompute every chain hash, and move the head to the new end.
    private static async Task Forge(Database database, Func<IReadOnlyList<AuditEntry>, IEnumerable<AuditEntry>> edit)
    {
        await using var connection = await database.OpenAsync();
        foreach (var drop in Schema.DropAppendOnly(database.IsPostgres))
        {
            await connection.ExecuteAsync(drop);
        }

        var rows = (await connection.QueryAsync<AuditEntry>(AuditChain.SelectEntries + " ORDER BY seq")).ToList();
        await connection.ExecuteAsync("DELETE FROM audit");
        var previous = AuditChain.Genesis;
        var seq = 0L;
        foreach (var row in edit(rows))
        {
            seq++;
            var hash = AuditChain.Hash(previous, seq, row.At, row.Actor, row.Role, row.Action, row.Target, row.Purpose, row.Outcome);
            await connection.ExecuteAsync(
                "INSERT INTO audit (seq, at, actor, role, action, target, purpose, outcome, prev_hash, hash) VALUES (@Seq, @At, @Actor, @Role, @Action, @Target, @Purpose, @Outcome, @PrevHash, @Hash)",
                row with { Seq = seq, PrevHash = previous, Hash = hash });
            previous = hash;
        }

        await connection.ExecuteAsync("UPDATE audit_head SET seq = @seq, hash = @previous WHERE id = 1", new { seq, previous });
    }
}

/// <summary>The checkpoint tests on SQLite.</summary>
public sealed class SqliteAuditCheckpointTests : AuditCheckpointTests
{
    protected override Backend Backend => Backend.Sqlite;
}

/// <summary>The checkpoint tests on PostgreSQL.</summary>
public sealed class PostgresAuditCheckpointTests : AuditCheckpointTests
{
    protected override Backend Backend => Backend.Postgres;
}
