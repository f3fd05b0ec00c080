using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Web;
using Paz.Storage;

namespace Paz.Benchmarks;

/// <summary>
/// Load on the registry over loopback: the real service (Kestrel, SQLite in WAL) in this process, 32
/// concurrent clients mixing case reads and case filings (five reads to one write) for a bounded time
/// and count, while other clients sign in continuously (each as its own user, with the installation's
/// PBKDF2 iterations, all from loopback: the per-address sign-in limit applies as it would to one office
/// behind one address). Every request is authenticated, authorized and audited in its own transaction, as
/// in production. Prints reads/s, writes/s and latency percentiles per kind, and the sign-in rate. The same load runs
/// for <c>warmup</c> seconds first, unmeasured: the numbers are the service's steady state, not the JIT's tiering
/// (a 10-s run without it measured half the rate of the same run's last 10 s).
/// </summary>
public static class TribunalLoad
{
    /// <summary>Runs the load test.</summary>
    public static async Task Run(int clients, double seconds, int maxRequests, int signInClients, int signInsPerMinute, double warmup = 20)
    {
        var folder = Directory.CreateTempSubdirectory("paz-load-").FullName;
        var keys = TribunalKeys.Generate();
        var keyFile = Path.Combine(folder, "keys.json");
        keys.Write(keyFile);
        var database = Database.Sqlite(Path.Combine(folder, "tribunal.db"));
        await database.CreateSchemaAsync();
        var registry = new Registry(database, keys.Cipher(), RuleLibrary.LoadAll(RuleLibrary.Locate()), TimeProvider.System);
        const string password = "load test password";
        var admin = new Actor(await registry.BootstrapAdministratorAsync("admin", password), "admin", Role.Administrator);
        var clerk = new Actor(await registry.AddUserAsync(admin, "clerk", Role.Clerk, password, "setup"), "clerk", Role.Clerk);
        for (var i = 0; i < signInClients; i++)
        {
            await registry.AddUserAsync(admin, $"signer{i}", Role.Analyst, password, "setup");
        }

        var facts = File.ReadAllText(Path.Combine(RuleLibrary.Locate(), "..", "..", "docs", "examples", "amnesty-case.json"));
        var ids = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            ids.Add((await registry.FileCaseAsync(clerk, "seed", new NewCase($"Seed Applicant {i}", "Calle 1", "recommended", facts))).Id);
        }

        var port = Loopback.FreePort();
        var app = TribunalApp.Build([$"--Tribunal:Database={Path.Combine(folder, "tribunal.db")}", $"--Tribunal:KeyFile={keyFile}", $"--urls=http://127.0.0.1:{port}",
            $"--Tribunal:SignInsPerMinute={signInsPerMinute}"]);
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var signIn = await http.PostAsJsonAsync("/api/session", new { name = "clerk", password });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("X-Purpose", "load test");
        using var body = JsonDocument.Parse(facts);

        if (warmup > 0)
        {
            await Drive(http, ids, body, clients, warmup, int.MaxValue);
        }

        var (reads, writes, failures, signIns, accepted, elapsed) = await Measure(http, ids, body, clients, seconds, maxRequests, signInClients, password);
        await app.StopAsync();
        var r = reads.Order().ToList();
        var w = writes.Order().ToList();
        Console.WriteLine($"tribunal load: {clients} clients, {elapsed:F1} s after {warmup:F0} s of warm-up, SQLite (WAL), loopback, every request authenticated and audited; {failures} failed requests");
        Console.WriteLine($"  case reads : {r.Count / elapsed,8:F0}/s  p50 {Percentile(r, 0.50),6:F1} ms  p99 {Percentile(r, 0.99),6:F1} ms  max {r.LastOrDefault(),6:F1} ms  ({r.Count} requests)");
        Console.WriteLine($"  case writes: {w.Count / elapsed,8:F0}/s  p50 {Percentile(w, 0.50),6:F1} ms  p99 {Percentile(w, 0.99),6:F1} ms  max {w.LastOrDefault(),6:F1} ms  ({w.Count} requests)");
        Console.WriteLine($"  sign-ins   : {signInClients} clients, {signIns.Values.Sum() / elapsed:F1} attempts/s; " + string.Join(", ", signIns.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"))
            + (accepted.Count > 0 ? $"; an accepted sign-in took {Percentile([.. accepted.Order()], 0.5):F0} ms (median), {accepted.Max():F0} ms at most" : string.Empty));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    // The measured window: the clients' load while others sign in continuously.
    private static async Task<(List<double> Reads, List<double> Writes, int Failures, Dictionary<HttpStatusCode, int> SignIns, List<double> Accepted, double Elapsed)> Measure(
        HttpClient http, List<string> ids, JsonDocument body, int clients, double seconds, int maxRequests, int signInClients, string password)
    {
        var signIns = new Dictionary<HttpStatusCode, int>();
        var accepted = new List<double>();
        var clock = Stopwatch.StartNew();
        var issued = 0;
        var signers = Enumerable.Range(0, signInClients).Select(c => Task.Run(async () =>
        {
            using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
            while (clock.Elapsed.TotalSeconds < seconds && Volatile.Read(ref issued) < maxRequests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await anonymous.PostAsJsonAsync("/api/session", new { name = $"signer{c}", password });
                lock (signIns)
                {
                    signIns[response.StatusCode] = signIns.GetValueOrDefault(response.StatusCode) + 1;
                    if (response.IsSuccessStatusCode)
                    {
                        accepted.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }

                // A well-behaved client (the page) waits as told; the wait is cut short when the run ends.
                if (response.Headers.RetryAfter?.Delta is { } wait)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, Math.Max(0, seconds - clock.Elapsed.TotalSeconds))));
                }
            }
        })).ToList();
        var (reads, writes, failures) = await Drive(http, ids, body, clients, seconds, maxRequests, () => Interlocked.Increment(ref issued));
        var elapsed = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(signers);
        return (reads, writes, failures, signIns, accepted, elapsed);
    }

    // Each client: five case reads to one filing, until the time or the request cap runs out.
    private static async Task<(List<double> Reads, List<double> Writes, int Failures)> Drive(
        HttpClient http, List<string> ids, JsonDocument body, int clients, double seconds, int maxRequests, Func<int>? issue = null)
    {
        var clock = Stopwatch.StartNew();
        var count = 0;
        issue ??= () => Interlocked.Increment(ref count);
        var reads = new List<double>[clients];
        var writes = new List<double>[clients];
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            reads[c] = [];
            writes[c] = [];
            var random = new Random(c);
            while (clock.Elapsed.TotalSeconds < seconds && issue() <= maxRequests)
            {
                var write = random.Next(6) == 0;
                var started = Stopwatch.GetTimestamp();
                using var response = write
                    ? await http.PostAsJsonAsync("/api/cases", new { applicant_name = $"Load {c} {random.Next()}", rule_set = "recommended", facts = body.RootElement })
                    : await http.GetAsync($"/api/cases/{ids[random.Next(ids.Count)]}");
                await response.Content.LoadIntoBufferAsync();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }

                (write ? writes[c] : reads[c]).Add(ms);
            }
        })));
        return ([.. reads.SelectMany(x => x)], [.. writes.SelectMany(x => x)], failures);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

}
