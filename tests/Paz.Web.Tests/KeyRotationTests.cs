using System.Net;
using System.Net.Http.Json;
using Dapper;
using Paz.Tribunal;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;

namespace Paz.Web.Tests;

/// <summary>Findings 3 and 4: rotation keeps search working, and a foreign key file is refused. Run on both databases.</summary>
public abstract class KeyRotationTests
{
    protected abstract Backend Backend { get; }

    // The key file a TribunalHost's configuration amounts to (one key, k1, and no index key: a file from before it).
    private static TribunalKeys HostKeys(TribunalHost host) =>
        new(host.Settings["Tribunal:CurrentKey"]!, new Dictionary<string, string> { ["k1"] = host.Settings["Tribunal:Keys:k1"]! });

    [Fact]
    public async Task RotatingKeysWhileServingKeepsEveryCaseReadableAndFindableByNameAndLeavesNothingUnderTheOldKey()
    {
        using var host = Backends.NewHost(Backend);
        var cancel = TestContext.Current.CancellationToken;
        var cases = new List<(string Id, string Name)>();
        foreach (var (name, status) in new[] { ("Ana Rotación Uno", CaseStatus.Granted), ("Beto Rotación Dos", CaseStatus.Screened), ("Carla Rotación Tres", CaseStatus.Filed) })
        {
            cases.Add(((await Scenario.CaseIn(host, status, name)).Case, name));
        }

        var rotated = HostKeys(host).WithNewCurrentKey();
        await KeyChecks.EnsureAsync(host.Database, rotated.Cipher());
        host.Registry.UseKeys(rotated.Cipher()); // what the service does when the key file changes
        using var clerk = host.Client(host.Users[Role.Clerk]);
        var batches = 0;
        do
        {
            // Between every batch (one row of each table), every case reads and is found once by name.
            foreach (var (id, name) in cases)
            {
                Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/cases/{id}", cancel)).StatusCode);
                var found = await clerk.GetFromJsonAsync<List<CaseListItem>>($"/api/cases/search?name={Uri.EscapeDataString(name.ToUpperInvariant())}", TestJson.Options, cancel);
                Assert.Equal(id, Assert.Single(found!).Id);
            }

            batches++;
        }
        while (await KeyRotation.RunBatchAsync(host.Database, rotated.Cipher(), batchSize: 1) > 0);

        Assert.True(batches > 3, $"{batches} batches: the rotation should have taken several");
        Assert.Equal(0, await KeyRotation.RowsBehindAsync(host.Database, rotated.Cipher()));

        // Nothing needs k1 any more: a key file without it reads every case, victim and hearing.
        var withoutOld = new TribunalKeys(rotated.Current, rotated.Keys.Where(k => k.Key != "k1").ToDictionary(), rotated.IndexKey).Cipher();
        host.Registry.UseKeys(withoutOld);
        foreach (var (id, name) in cases)
        {
            var view = await host.Registry.GetCaseAsync(host.Users[Role.Clerk], "test", id);
            Assert.Equal(name, view.ApplicantName);
            Assert.Single(await host.Registry.SearchAsync(host.Users[Role.Clerk], "test", name));
            Assert.NotEmpty(await host.Registry.ListVictimsAsync(host.Users[Role.VictimsAdvocate], "test", id));
        }
    }

    [Fact]
    public async Task TheServicePicksUpARotatedKeyFileAndEncryptsNewCasesUnderTheNewKey()
    {
        using var host = Backends.NewHost(Backend);
        var keyFile = Path.Combine(host.Folder, "keys.json");
        HostKeys(host).Write(keyFile);
        var reload = new KeyFileReload(keyFile, Microsoft.Extensions.Logging.Abstractions.NullLogger<KeyFileReload>.Instance);
        HostKeys(host).WithNewCurrentKey().Replace(keyFile);
        File.SetLastWriteTimeUtc(keyFile, DateTime.UtcNow.AddMinutes(1)); // a coarse file clock must not hide the change
        await Task.Delay(1100, TestContext.Current.CancellationToken); // it looks at the file at most once a second

        await reload.RefreshAsync(host.Registry);
        var filed = await Scenario.CaseIn(host, CaseStatus.Filed, "Elena Clave Nueva");

        await using var connection = await host.Database.OpenAsync(TestContext.Current.CancellationToken);
        var stored = await connection.ExecuteScalarAsync<string>("SELECT applicant_name_enc FROM cases WHERE id = @id", new { id = filed.Case });
        Assert.Equal("k2", FieldCipher.KeyIdOf(stored));
    }

    [Fact]
    public async Task NameSearchStillFindsACaseAfterTheKeyFileIsRotatedByHandWithoutAnIndexKey()
    {
        using var host = Backends.NewHost(Backend);
        var filed = await Scenario.CaseIn(host, CaseStatus.Filed, "Dora Búsqueda Antigua");
        var byHand = HostKeys(host) with { Current = "k2" };
        byHand = byHand with { Keys = new Dictionary<string, string>(byHand.Keys) { ["k2"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 90)).ToArray()) } };
        host.Registry.UseKeys(byHand.Cipher());

        var found = await host.Registry.SearchAsync(host.Users[Role.Clerk], "test", "dora búsqueda antigua");
        Assert.Equal(filed.Case, Assert.Single(found).Id);
    }

    [Fact]
    public async Task AnotherInstallationsKeyFileUnderTheSameKeyIdIsRefused()
    {
        using var host = Backends.NewHost(Backend);
        await Scenario.CaseIn(host, CaseStatus.Filed);
        await KeyChecks.EnsureAsync(host.Database, HostKeys(host).Cipher()); // the registry's own keys pass

        var stranger = TribunalKeys.Generate("k1").Cipher();
        var refusal = await Assert.ThrowsAsync<KeyMismatchException>(() => KeyChecks.EnsureAsync(host.Database, stranger));
        Assert.Contains("key 'k1'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("another installation", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEncryptedColumnInTheSchemaIsOneARotationReencrypts()
    {
        var declared = Schema.Statements
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s, @"(\w+_enc)\b").Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Equal(declared.Order(), Schema.EncryptedColumns.Select(c => c.Column).Distinct().Order());
    }
}

/// <summary>The key tests on SQLite.</summary>
public sealed class SqliteKeyRotationTests : KeyRotationTests
{
    protected override Backend Backend => Backend.Sqlite;
}

/// <summary>The key tests on PostgreSQL.</summary>
public sealed class PostgresKeyRotationTests : KeyRotationTests
{
    protected override Backend Backend => Backend.Postgres;
}
