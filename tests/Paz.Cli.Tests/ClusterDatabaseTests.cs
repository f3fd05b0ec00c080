using System.Diagnostics;
using Npgsql;
using Paz.Tests;

namespace Paz.Cli.Tests;

/// <summary>
/// A cluster of silo processes that find each other through PostgreSQL (<c>paz cluster silo --database</c>) and keep the
/// replicates they computed there: the setup of several machines, on loopback against the test server.
/// </summary>
public sealed class ClusterDatabaseTests : IDisposable
{
    private static readonly string[] Outputs = ["homicides_monthly.parquet", "weekly_flows.csv", "metrics.parquet", "summary.json"];

    private readonly string _folder = Directory.CreateTempSubdirectory("paz-cluster-db-").FullName;
    private readonly List<Process> _silos = [];
    private readonly Dictionary<Process, System.Collections.Concurrent.ConcurrentQueue<string>> _output = [];
    private string? _database;

    [Fact]
    public void TwoSiloProcessesRegisteredInPostgresRunTheLocalEnsembleAndANewSiloServesItFromTheDatabase()
    {
        var server = TestPostgres.Server;
        if (server is null)
        {
            Assert.Skip("SKIPPED ON POSTGRESQL: PAZ_TEST_POSTGRES is not set and '.ci/postgres' could not install or start Debian's postgresql.");
        }

        var cluster = CreateDatabase(server);
        var scenario = ShortBaseline();
        StartSilo(cluster);
        StartSilo(cluster);
        Assert.Equal(2, ActiveSilos(cluster));

        var local = Run(scenario, "local");
        var remote = Run(scenario, "cluster-1", "--cluster", cluster);
        foreach (var file in Outputs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(remote, file)));
        }

        // Each replicate is stored once, at its first version.
        Assert.Equal([(4L, 1)], StoredVersions(cluster));

        // Both silos stopped (SIGTERM: they leave the membership table); a third, started later, finds the results in the
        // database and computes nothing. (A silo that dies instead is voted out by the others: TestCluster's tests.)
        foreach (var silo in _silos)
        {
            Stop(silo);
        }

        Assert.Equal(0, ActiveSilos(cluster));

        StartSilo(cluster);
        var again = Run(scenario, "cluster-2", "--cluster", cluster);
        foreach (var file in Outputs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }

        Assert.Equal([(4L, 1)], StoredVersions(cluster));
    }

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
                silo.WaitForExit();
            }

            silo.Dispose();
        }

        if (_database is not null && TestPostgres.Server is { } server)
        {
            using var root = new NpgsqlConnection(server);
            root.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", root);
            drop.ExecuteNonQuery();
        }
    }

    private string CreateDatabase(string server)
    {
        _database = "paz_cluster_" + Guid.NewGuid().ToString("N")[..12];
        using (var root = new NpgsqlConnection(server))
        {
            root.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", root);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = _database }.ToString();
    }

    // The shipped baseline started in January 2018: the country for one year, four replicates.
    private string ShortBaseline()
    {
        var shipped = Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var file = Path.Combine(_folder, "baseline.yaml");
        File.WriteAllText(file, File.ReadAllText(shipped)
            .Replace("start: 2015-01", "start: 2018-01", StringComparison.Ordinal)
            .Replace("end: 2024-12", "end: 2018-12", StringComparison.Ordinal));
        return file;
    }

    // Each run in a folder of its own, so that no run is served from another's catalogue.
    private string Run(string scenario, string name, params string[] cluster)
    {
        var output = Path.Combine(_folder, name, "out");
        var run = PazRun.Of(["run", scenario, "--point", "--replicates", "4", "--out", output, .. cluster]);
        Assert.True(run.ExitCode == 0, run.Error);
        return output;
    }

    // A silo process of the installed tool's own assembly, on free loopback ports; returns once it says it is up.
    private void StartSilo(string cluster)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            typeof(PazApp).Assembly.Location, "cluster", "silo", "--database", cluster,
            "--silo-port", $"{Loopback.FreePort()}", "--gateway-port", $"{Loopback.FreePort()}", "--data", Paz.Data.DataDirectory.Locate().Root,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var silo = Process.Start(start)!;
        _silos.Add(silo);
        // Both streams are read to their end, so that a silo logging on its way down never blocks on a full pipe.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var up = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                up.TrySetResult(false);
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("silo up", StringComparison.Ordinal))
            {
                up.TrySetResult(true);
            }
        };
        silo.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        _output[silo] = output;
        Assert.True(up.Task.Wait(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken) && up.Task.Result,
            $"the silo did not come up: {string.Join('\n', output)}");
    }

    // SIGTERM, as a service manager stops it (the host shuts down as on Ctrl+C; SIGINT itself is ignored by processes
    // started from a shell's background job, as a CI runner may start the tests), and its exit once it has left the
    // cluster.
    private void Stop(Process silo)
    {
        using (var terminate = Process.Start("kill", ["-TERM", $"{silo.Id}"]))
        {
            terminate.WaitForExit();
        }

        Assert.True(silo.WaitForExit(TimeSpan.FromMinutes(3)), $"a silo did not stop on SIGTERM: {string.Join('\n', _output[silo].TakeLast(20))}");
    }

    private static int ActiveSilos(string cluster) =>
        Convert.ToInt32(Query(cluster, "SELECT count(*) FROM paz_cluster_silo WHERE status = 3").Single()[0], System.Globalization.CultureInfo.InvariantCulture);

    // (rows, version) for each distinct version of the stored replicates.
    private static (long Rows, int Version)[] StoredVersions(string cluster) =>
        [.. Query(cluster, "SELECT count(*), version FROM paz_cluster_state GROUP BY version").Select(r => ((long)r[0], (int)r[1]))];

    private static List<object[]> Query(string cluster, string sql)
    {
        using var connection = new NpgsqlConnection(cluster);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
