using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Web.Tests;

/// <summary>
/// The service killed with SIGKILL in the middle of a stream of writes loses nothing it acknowledged, kill after kill
/// on the same registry. Two kills in the suite; <c>PAZ_CRASH_REPEATS=20 dotnet test --filter CrashSafety</c> for more.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int WritesPerKill = 300;

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesRepeatedKillsAndTheAuditChainStaysIntact()
    {
        var cancel = TestContext.Current.CancellationToken;
        var repeats = int.TryParse(Environment.GetEnvironmentVariable("PAZ_CRASH_REPEATS"), out var n) && n > 0 ? n : 2;
        var folder = Directory.CreateTempSubdirectory("paz-crash-").FullName;
        var databasePath = Path.Combine(folder, "tribunal.db");
        var keyFile = Path.Combine(folder, "keys.json");
        var keys = TribunalKeys.Generate();
        keys.Write(keyFile);
        var database = Database.Sqlite(databasePath);
        await database.CreateSchemaAsync();
        await KeyChecks.EnsureAsync(database, keys.Cipher());
        var registry = new Registry(database, keys.Cipher(), RuleLibrary.LoadAll(RuleLibrary.Locate()), TimeProvider.System);
        var adminId = await registry.BootstrapAdministratorAsync("admin", TribunalHost.Password, iterations: 1000);
        var admin = new Actor(adminId, "admin", Role.Administrator);
        await registry.AddUserAsync(admin, "clerk", Role.Clerk, TribunalHost.Password, "setup", 1000);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var acknowledged = new ConcurrentBag<string>();
        for (var kill = 1; kill <= repeats; kill++)
        {
            var port = Paz.Tests.Loopback.FreePort();
            using (var server = Start(databasePath, keyFile, port))
            {
                using var clerk = await SignedIn(port, "clerk", cancel);
                using var stop = new CancellationTokenSource();
                var target = acknowledged.Count + WritesPerKill;
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            using var response = await clerk.PostAsJsonAsync("/api/cases", new
                            {
                                applicant_name = $"Kill {kill} Writer {w} Applicant {i}",
                                rule_set = "recommended",
                                facts = JsonDocument.Parse(Scenario.EligibleFacts).RootElement,
                            }, CancellationToken.None);
                            if (response.StatusCode == HttpStatusCode.Created)
                            {
                                acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetString()!);
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return; // the server is gone
                        }
                    }
                })).ToList();

                var waited = Stopwatch.StartNew();
                while (acknowledged.Count < target && waited.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(10, cancel);
                }

                server.Kill(); // SIGKILL on Linux: no shutdown hooks, no flush, writes in flight
                await server.WaitForExitAsync(cancel);
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                Assert.True(acknowledged.Count >= target, $"kill {kill}: only {acknowledged.Count} writes acknowledged");
            }

            // The file as the killed process left it: every acknowledged case is there, and the chain holds.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var connection = await database.OpenAsync(cancel))
            {
                var stored = (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT id FROM cases")).ToHashSet();
                var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
                Assert.True(lost.Count == 0, $"kill {kill}: {lost.Count} acknowledged cases lost, e.g. {lost.FirstOrDefault()}");
            }

            var chain = await AuditChain.VerifyAsync(database);
            Assert.True(chain.Intact, $"kill {kill}: " + string.Join("; ", chain.Problems));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{repeats} kills, {acknowledged.Count} acknowledged writes, none lost, audit chain intact after each");
        var reads = await registry.GetCaseAsync(new Actor("x", "clerk", Role.Clerk), "check", acknowledged.First());
        Assert.StartsWith("Kill ", reads.ApplicantName, StringComparison.Ordinal); // and they decrypt
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static Process Start(string databasePath, string keyFile, int port)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Paz.Web.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { web, $"--Tribunal:Database={databasePath}", $"--Tribunal:KeyFile={keyFile}", $"--Tribunal:Rules={RuleLibrary.Locate()}", $"--urls=http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpClient> SignedIn(int port, string user, CancellationToken cancel)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/api/session", new { name = user, password = TribunalHost.Password }, cancel);
                response.EnsureSuccessStatusCode();
                var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("token").GetString();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                client.DefaultRequestHeaders.Add("X-Purpose", "crash test");
                return client;
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancel);
            }
        }
    }
}
