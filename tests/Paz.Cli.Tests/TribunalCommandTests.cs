using Microsoft.Data.Sqlite;
using Paz.Storage;

namespace Paz.Cli.Tests;

public class TribunalCommandTests
{
    [Fact]
    public void ServingAMistypedDatabasePathIsRefusedInsteadOfStartingAnEmptyRegistry()
    {
        var folder = Directory.CreateTempSubdirectory("paz-cli-serve-").FullName;
        try
        {
            var keys = Path.Combine(folder, "k.json");
            File.WriteAllText(keys, "{\"current\": \"k1\", \"keys\": {\"k1\": \"" + Convert.ToBase64String(new byte[32]) + "\"}}");
            var missing = Path.Combine(folder, "tribunal-typo.db");
            var serve = PazRun.Of("serve", "--database", missing, "--keys", keys, "--port", "5999");
            Assert.Equal(2, serve.ExitCode);
            Assert.Contains($"no registry database at {missing}", serve.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(missing));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("{\"current\": \"k1\", \"keys\": {\"k1\": \"not base64!\"}}", "key 'k1' is not the base64 of 32 bytes")]
    [InlineData("{\"current\": \"k1\", \"keys\": {\"k1\": \"AAAA\"}}", "key 'k1' is not the base64 of 32 bytes")]
    [InlineData("{\"current\": \"k2\", \"keys\": {\"k1\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}", "the current key 'k2' is not among the keys (k1)")]
    [InlineData("{\"keys\": {}}", "expected a key file")]
    [InlineData("{\"current\": \"k1\", \"keys\": {}}", "'current' or 'keys' is missing")]
    public void AMalformedKeyFileIsNamedWithWhatIsWrongNotAStackTrace(string content, string expectation)
    {
        var folder = Directory.CreateTempSubdirectory("paz-cli-keys-").FullName;
        try
        {
            var keys = Path.Combine(folder, "k.json");
            File.WriteAllText(keys, content);
            var database = Path.Combine(folder, "t.db");
            File.WriteAllBytes(database, []);
            var serve = PazRun.Of("serve", "--database", database, "--keys", keys, "--port", "5998");
            Assert.Equal(2, serve.ExitCode);
            Assert.Contains($"paz: {keys}: ", serve.Error, StringComparison.Ordinal);
            Assert.Contains(expectation, serve.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", serve.Error, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InitCreatesTheRegistryAndAuditVerifyDetectsTampering()
    {
        var folder = Directory.CreateTempSubdirectory("paz-cli-tribunal-").FullName;
        var database = Path.Combine(folder, "t.db");
        var keys = Path.Combine(folder, "k.json");
        Environment.SetEnvironmentVariable("PAZ_ADMIN_PASSWORD", "an administrator's long password");
        try
        {
            var init = PazRun.Of("tribunal", "init", "--database", database, "--keys", keys, "--admin", "chief");
            Assert.True(init.ExitCode == 0, init.Error);
            Assert.True(File.Exists(keys));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keys));
            }

            var again = PazRun.Of("tribunal", "init", "--database", database, "--keys", keys);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("refusing to replace an encryption key", again.Error, StringComparison.Ordinal);

            var verify = PazRun.Of("audit", "verify", "--database", database);
            Assert.Equal(0, verify.ExitCode);
            Assert.Contains("audit log intact: 1 rows", verify.Output, StringComparison.Ordinal);

            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                connection.Open();
                using var tamper = connection.CreateCommand();
                tamper.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'intruder'";
                tamper.ExecuteNonQuery();
            }

            var broken = PazRun.Of("audit", "verify", "--database", database);
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("row 1: contents do not match its hash", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PAZ_ADMIN_PASSWORD", null);
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ACheckpointTakenBeforeAFullRewriteOfTheLogExposesItAlthoughTheChainVerifies()
    {
        using var registry = InitializedRegistry.Create();
        var checkpoint = Path.Combine(registry.Folder, "checkpoint.json");
        var taken = PazRun.Of("audit", "checkpoint", "--database", registry.Database, "--keys", registry.Keys, "--out", checkpoint);
        Assert.True(taken.ExitCode == 0, taken.Error);
        Assert.Contains("\"size\": 1", File.ReadAllText(checkpoint), StringComparison.Ordinal);

        var extends = PazRun.Of("audit", "verify", "--database", registry.Database, "--checkpoint", checkpoint, "--keys", registry.Keys);
        Assert.Equal(0, extends.ExitCode);
        Assert.Contains("extends the checkpoint", extends.Output, StringComparison.Ordinal);

        // The intruder rewrites the only row and recomputes its hash and the head: the chain alone is satisfied.
        registry.Execute("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete");
        var forged = Paz.Tribunal.Audit.AuditChain.Hash(Paz.Tribunal.Audit.AuditChain.Genesis, 1, "2018-01-01T00:00:00Z", "intruder", "administrator", "user_manage", "user:x", "bootstrap administrator", "allowed");
        registry.Execute($"UPDATE audit SET at = '2018-01-01T00:00:00Z', actor = 'intruder', target = 'user:x', hash = '{forged}'; UPDATE audit_head SET hash = '{forged}'");
        Assert.Equal(0, PazRun.Of("audit", "verify", "--database", registry.Database).ExitCode);

        var caught = PazRun.Of("audit", "verify", "--database", registry.Database, "--checkpoint", checkpoint, "--keys", registry.Keys);
        Assert.Equal(1, caught.ExitCode);
        Assert.Contains("are not those the checkpoint", caught.Output, StringComparison.Ordinal);

        // So is truncation, and a checkpoint checked against another installation's key.
        registry.Execute("DELETE FROM audit; UPDATE audit_head SET seq = 0, hash = '" + Paz.Tribunal.Audit.AuditChain.Genesis + "'");
        Assert.Contains("rows removed", PazRun.Of("audit", "verify", "--database", registry.Database, "--checkpoint", checkpoint, "--keys", registry.Keys).Output, StringComparison.Ordinal);
        var strangerKey = Convert.ToBase64String(new byte[32]);
        Assert.Contains("not signed by this installation", PazRun.Of("audit", "verify", "--database", registry.Database, "--checkpoint", checkpoint, "--public-key", strangerKey).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RotateKeysAddsACurrentKeyKeepsTheOldOneAndServingWithAnotherInstallationsKeyFileIsRefused()
    {
        using var registry = InitializedRegistry.Create();
        var rotate = PazRun.Of("tribunal", "rotate-keys", "--database", registry.Database, "--keys", registry.Keys);
        Assert.True(rotate.ExitCode == 0, rotate.Error);
        var keys = Paz.Web.TribunalKeys.Read(registry.Keys);
        Assert.Equal("k2", keys.Current);
        Assert.Equal(["k1", "k2"], keys.Keys.Keys.Order());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(registry.Keys));
        }

        var foreign = Path.Combine(registry.Folder, "foreign.json");
        Paz.Web.TribunalKeys.Generate("k1").Write(foreign);
        var serve = PazRun.Of("serve", "--database", registry.Database, "--keys", foreign, "--port", "5997");
        Assert.Equal(2, serve.ExitCode);
        Assert.Contains("is not the key 'k1' this registry was encrypted with", serve.Error, StringComparison.Ordinal);
    }

    /// <summary>A registry made by <c>paz tribunal init</c> in a temporary folder.</summary>
    private sealed class InitializedRegistry : IDisposable
    {
        private InitializedRegistry(string folder) => Folder = folder;

        public string Folder { get; }

        public string Database => Path.Combine(Folder, "t.db");

        public string Keys => Path.Combine(Folder, "k.json");

        public static InitializedRegistry Create()
        {
            var registry = new InitializedRegistry(Directory.CreateTempSubdirectory("paz-cli-registry-").FullName);
            Environment.SetEnvironmentVariable("PAZ_ADMIN_PASSWORD", "an administrator's long password");
            try
            {
                var init = PazRun.Of("tribunal", "init", "--database", registry.Database, "--keys", registry.Keys);
                Assert.True(init.ExitCode == 0, init.Error);
            }
            finally
            {
                Environment.SetEnvironmentVariable("PAZ_ADMIN_PASSWORD", null);
            }

            return registry;
        }

        public void Execute(string sql)
        {
            using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
