using System.Diagnostics;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Web;
using Paz.Storage;

namespace Paz.Benchmarks;

/// <summary>
/// The registry without HTTP: 32 tasks in this process call it directly (SQLite in WAL) for a few seconds each on
/// case reads, audit records alone (the group commit), and case filings — what a request costs below the web
/// service, to set against <see cref="TribunalLoad"/>'s round trips.
/// </summary>
public static class RegistryLoad
{
    /// <summary>Runs each kind (or those whose name contains <paramref name="only"/>) for <paramref name="seconds"/> with <paramref name="tasks"/> concurrent callers and prints the rates.</summary>
    public static async Task Run(int tasks, double seconds, string? only = null)
    {
        var folder = Directory.CreateTempSubdirectory("paz-registry-load-").FullName;
        var database = Database.Sqlite(Path.Combine(folder, "tribunal.db"));
        await database.CreateSchemaAsync();
        var registry = new Registry(database, TribunalKeys.Generate().Cipher(), RuleLibrary.LoadAll(RuleLibrary.Locate()), TimeProvider.System);
        const string password = "load test password";
        var admin = new Actor(await registry.BootstrapAdministratorAsync("admin", password), "admin", Role.Administrator);
        var clerk = new Actor(await registry.AddUserAsync(admin, "clerk", Role.Clerk, password, "setup"), "clerk", Role.Clerk);
        var facts = File.ReadAllText(Path.Combine(RuleLibrary.Locate(), "..", "..", "docs", "examples", "amnesty-case.json"));
        var ids = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            ids.Add((await registry.FileCaseAsync(clerk, "seed", new NewCase($"Seed Applicant {i}", "Calle 1", "recommended", facts))).Id);
        }

        var audit = new AuditBatch(database);
        var kinds = new (string Name, Func<Random, int, Task> Call)[]
        {
            ("case reads", (random, _) => registry.GetCaseAsync(clerk, "load test", ids[random.Next(ids.Count)])),
            ("audit records alone", (_, _) => audit.AppendAsync(new PendingAuditRecord("2018-12-01T00:00:00.0000000Z", "clerk", "clerk", "case_read", "case:load", "load test", "allowed"))),
            ("case filings", (random, c) => registry.FileCaseAsync(clerk, "load test", new NewCase($"Load {c} {random.Next()}", "Calle 1", "recommended", facts))),
        };
        Console.WriteLine($"registry without HTTP: {tasks} tasks, {seconds:F0} s per kind, SQLite (WAL), every call authorized and audited");
        foreach (var (name, call) in kinds.Where(k => only is null || k.Name.Contains(only, StringComparison.Ordinal)))
        {
            var done = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, tasks).Select(c => Task.Run(async () =>
            {
                var random = new Random(c);
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    await call(random, c);
                    Interlocked.Increment(ref done);
                }
            })));
            Console.WriteLine($"  {name,-20}: {done / clock.Elapsed.TotalSeconds,8:F0}/s");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
