using Dapper;
using Paz.Storage;
using Paz.Storage.Sqlite;

namespace Paz.Web.Tests;

/// <summary>SQLite connections stay open in Paz's pool with their prepared statements; checkpoints run off the commit path.</summary>
public sealed class SqliteConnectionPoolTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("paz-pool-");

    private string DatabasePath => Path.Combine(_folder.FullName, "pool.db");

    [Fact]
    public async Task AStatementRunAgainOnAPooledConnectionIsNotCompiledAgain()
    {
        var database = await CreateAsync();
        int compiledAfterFirst;
        await using (var connection = (StatementCachingConnection)await database.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = "first" });
            compiledAfterFirst = connection.StatementsCompiled;
        }

        await using (var again = (StatementCachingConnection)await database.OpenAsync(TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < 50; i++)
            {
                await again.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = $"item {i}" });
                Assert.Equal(i + 1, (await again.QueryAsync<string>("SELECT name FROM items WHERE id > @after ORDER BY id", new { after = 1 })).Count());
            }

            Assert.Equal(compiledAfterFirst + 1, again.StatementsCompiled); // the INSERT reused, the SELECT compiled once
            Assert.Equal(51, await again.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"));
        }
    }

    [Fact]
    public async Task ListsOfDifferentLengthsAndTheSameStatementInsideItsOwnReaderGiveTheRightRows()
    {
        var database = await CreateAsync();
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')");
        Assert.Equal(["a", "c"], await connection.QueryAsync<string>($"SELECT name FROM items WHERE {database.AnyOf("name", "names")} ORDER BY name", new { names = new[] { "a", "c" } }));
        Assert.Equal(["b"], await connection.QueryAsync<string>($"SELECT name FROM items WHERE {database.AnyOf("name", "names")} ORDER BY name", new { names = new[] { "b" } }));

        // An unbuffered reader still holds the cached statement: the same text inside it runs on a statement of its own.
        var pairs = new List<(string, long)>();
        foreach (var name in connection.Query<string>("SELECT name FROM items WHERE id >= @from ORDER BY id", new { from = 1 }, buffered: false))
        {
            pairs.Add((name, (await connection.QueryAsync<string>("SELECT name FROM items WHERE id >= @from ORDER BY id", new { from = 2 })).LongCount()));
        }

        Assert.Equal([("a", 2L), ("b", 2L), ("c", 2L)], pairs);
    }

    [Fact]
    public async Task ATransactionLeftOpenIsRolledBackBeforeItsConnectionServesAgain()
    {
        var database = await CreateAsync();
        var abandoned = await database.OpenAsync(TestContext.Current.CancellationToken);
        var transaction = await abandoned.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await abandoned.ExecuteAsync("INSERT INTO items (name) VALUES ('never committed')", transaction: transaction);
        await abandoned.DisposeAsync(); // back to the pool with its transaction open

        await database.InTransactionAsync(async (connection, tx) => await connection.ExecuteAsync("INSERT INTO items (name) VALUES ('committed')", transaction: tx), TestContext.Current.CancellationToken);
        await using var reader = await database.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["committed"], await reader.QueryAsync<string>("SELECT name FROM items"));
    }

    [Fact]
    public async Task TheWriteAheadLogIsCheckpointedInTheBackgroundAndStartsOver()
    {
        var database = await CreateAsync();
        var payload = new string('x', 3000); // a page a commit
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (commits, restarts, longest, last) = (0, 0, 0, 0);
        while (clock.Elapsed < TimeSpan.FromSeconds(5)) // a checkpoint starts at most every three seconds
        {
            await database.InTransactionAsync(async (connection, tx) => await connection.ExecuteAsync("INSERT INTO items (name) VALUES (@payload)", new { payload }, tx), TestContext.Current.CancellationToken);
            if (++commits % 20 == 0)
            {
                var frames = FramesInTheLog();
                restarts += frames < last ? 1 : 0;
                (longest, last) = (Math.Max(longest, frames), frames);
                await Task.Delay(10, TestContext.Current.CancellationToken); // about the registry's rate under load, not a disk's
            }
        }

        Assert.True(restarts >= 1, $"the log started over {restarts} times in {commits:N0} commits; it reached {longest:N0} frames");
        await using var reader = await database.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(commits, await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"));
    }

    // The log's last valid frame, from the shared-memory index's header (mxFrame, at byte 16 in native order), read
    // without a checkpoint of our own.
    private int FramesInTheLog()
    {
        using var shm = new FileStream(DatabasePath + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[20];
        shm.ReadExactly(header);
        return BitConverter.ToInt32(header, 16);
    }

    private async Task<Database> CreateAsync()
    {
        var database = Database.Sqlite(DatabasePath);
        await database.CreateSchemaAsync(["CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"], []);
        return database;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
