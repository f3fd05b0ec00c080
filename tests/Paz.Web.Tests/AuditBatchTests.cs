using Dapper;
using Paz.Tribunal.Audit;

namespace Paz.Web.Tests;

/// <summary>Records appended together by many callers: each committed before its caller goes on, in one intact chain. Run on both databases.</summary>
public abstract class AuditBatchTests
{
    protected abstract Backend Backend { get; }

    [Fact]
    public async Task ConcurrentRecordsAreEachCommittedBeforeTheirCallerGoesOnAndKeepTheChainIntact()
    {
        using var host = Backends.NewHost(Backend);
        await using var connection = await host.Database.OpenAsync(TestContext.Current.CancellationToken);
        var before = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit");
        var batch = new AuditBatch(host.Database);
        var seen = new long[64];
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, cancel) =>
        {
            await batch.AppendAsync(new PendingAuditRecord("2018-12-01T00:00:00.0000000Z", $"clerk-{k}", "clerk", "case_read", $"case:{k}", "test", "allowed"));
            // Once the call returns, the caller's own record is in the committed log.
            await using var reader = await host.Database.OpenAsync(cancel);
            seen[k] = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit WHERE actor = @actor", new { actor = $"clerk-{k}" });
        });

        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.Equal(before + 64, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit"));
        var verification = await AuditChain.VerifyAsync(host.Database);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
    }
}

/// <summary>The batch on SQLite.</summary>
public sealed class SqliteAuditBatchTests : AuditBatchTests
{
    protected override Backend Backend => Backend.Sqlite;
}

/// <summary>The batch on PostgreSQL.</summary>
public sealed class PostgresAuditBatchTests : AuditBatchTests
{
    protected override Backend Backend => Backend.Postgres;
}
