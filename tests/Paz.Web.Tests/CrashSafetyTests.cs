using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;

namespace Paz.Web.Tests;

/// <summary>The service killed with SIGKILL in the middle of a stream of writes loses nothing it acknowledged.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesAKillAndTheAuditChainStaysIntact()
    {
        var cancel = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("paz-crash-").FullName;
        var databasePath = Path.Combine(folder, "tribunal.db");
        var keyFile = Path.Combine(folder, "keys.json");
        var keys = TribunalKeys.Generate();
        keys.Write(keyFile);
        var database = Database.Sqlite(databasePath);
        await database.CreateSchemaAsync();
        var registry = new Registry(database, keys.Cipher(), RuleLibrary.LoadAll(RuleLibrary.Locate()), TimeProvider.System);
        var adminId = await registry.BootstrapAdministratorAsync("admin", TribunalHost.Password, iterations: 1000);
        var admin = new Actor(adminId, "admin", Role.Administrator);
        await registry.AddUserAsync(admin, "clerk", Role.Clerk, TribunalHost.Password, "setup", 1000);
        await registry.AddUserAsync(admin, "auditor", Role.Auditor, TribunalHost.Password, "setup", 1000);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var port = FreePort();
        var acknowledged = new ConcurrentBag<string>();
        using (var first = Start(databasePath, keyFile, port))
        {
            using var clerk = await SignedIn(port, "clerk", cancel);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await clerk.PostAsJsonAsync("/api/cases", new
                        {
                            applicant_name = $"Writer {w} Applicant {i}",
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
            while (acknowledged.Count < 400 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20, cancel);
            }

            first.Kill(); // SIGKILL on Linux: no shutdown hooks, no flush
            await first.WaitForExitAsync(cancel);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 400, $"only {acknowledged.Count} writes acknowledged before the kill");
        using var second = Start(databasePath, keyFile, port);
        try
        {
            using var clerk = await SignedIn(port, "clerk", cancel);
            foreach (var id in acknowledged)
            {
                using var response = await clerk.GetAsync($"/api/cases/{id}", cancel);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged case {id} is missing after the restart ({(int)response.StatusCode})");
            }

            using var auditor = await SignedIn(port, "auditor", cancel);
            var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify", cancel);
            Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync(cancel);
        }

        var chain = await AuditChain.VerifyAsync(database);
        Assert.True(chain.Intact, string.Join("; ", chain.Problems));
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
