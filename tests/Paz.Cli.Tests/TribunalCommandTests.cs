using Microsoft.Data.Sqlite;

namespace Paz.Cli.Tests;

public class TribunalCommandTests
{
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
