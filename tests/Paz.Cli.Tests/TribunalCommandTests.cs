using Microsoft.Data.Sqlite;

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
    [InlineData("{\"current\": \"k2\", \"keys\": {\"k1\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}", "the current key 'k2' is not among its keys (k1)")]
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
}
