using System.CommandLine;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Web;

namespace Paz.Cli.Commands.Tribunal;

/// <summary><c>paz tribunal init</c>, <c>paz serve</c> and <c>paz audit verify</c>: the amnesty registry from the command line.</summary>
public static class TribunalCommands
{
    /// <summary>Environment variable holding the first administrator's password for <c>paz tribunal init</c>.</summary>
    public const string PasswordVariable = "PAZ_ADMIN_PASSWORD";

    private static Option<FileInfo> DatabaseOption() => new("--database") { Description = "SQLite database file of the registry.", DefaultValueFactory = _ => new FileInfo("tribunal.db") };

    private static Option<string?> PostgresOption() => new("--postgres") { Description = "PostgreSQL connection string (instead of --database)." };

    private static Option<FileInfo> KeysOption() => new("--keys") { Description = "Encryption key file (created by 'paz tribunal init'; keep it apart from the database).", DefaultValueFactory = _ => new FileInfo("tribunal-keys.json") };

    /// <summary><c>paz tribunal</c>.</summary>
    public static Command Tribunal(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var keys = KeysOption();
        var admin = new Option<string>("--admin") { Description = "User name of the first administrator.", DefaultValueFactory = _ => "admin" };
        var init = new Command("init", $"Create the registry's database, a fresh encryption key file, and the first administrator (password from ${PasswordVariable}, or the first line of standard input).")
        {
            database, postgres, keys, admin,
        };
        init.SetAction(parsed =>
        {
            var keyFile = parsed.GetValue(keys)!;
            if (keyFile.Exists)
            {
                throw new UsageException($"{keyFile.FullName} exists; refusing to replace an encryption key (the data encrypted with it would be lost)");
            }

            var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? Console.In.ReadLine()
                ?? throw new UsageException($"no password: set {PasswordVariable} or pass it on standard input");
            var store = Open(parsed.GetValue(database)!, parsed.GetValue(postgres));
            store.CreateSchemaAsync().GetAwaiter().GetResult();
            var generated = TribunalKeys.Generate();
            var registry = new Registry(store, generated.Cipher(), RuleLibrary.LoadAll(RuleLibrary.Locate()), TimeProvider.System);
            registry.AddUserAsync(null, parsed.GetValue(admin), Role.Administrator, password).GetAwaiter().GetResult();
            generated.Write(keyFile.FullName);
            console.Error.WriteLine($"paz: registry ready; administrator '{parsed.GetValue(admin)}' created; encryption key in {keyFile.FullName} (owner-only; back it up apart from the database)");
            return PazApp.Ok;
        });
        var command = new Command("tribunal", "The amnesty tribunal's case registry.") { init };
        return command;
    }

    /// <summary><c>paz serve</c>.</summary>
    public static Command Serve(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var keys = KeysOption();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Start the registry's web service (API, OpenAPI at /openapi/v1.json, intake page at /) on loopback.") { database, postgres, keys, port };
        command.SetAction(parsed =>
        {
            // A mistyped path must not start an empty registry that clerks then file into.
            if (parsed.GetValue(postgres) is null && !parsed.GetValue(database)!.Exists)
            {
                throw new FileNotFoundException($"no registry database at {parsed.GetValue(database)!.FullName}; create one with 'paz tribunal init --database FILE --keys FILE'");
            }

            var args = new List<string>
            {
                $"--Tribunal:KeyFile={parsed.GetValue(keys)!.FullName}",
                $"--urls=http://127.0.0.1:{parsed.GetValue(port)}",
            };
            args.Add(parsed.GetValue(postgres) is { } pg ? $"--Tribunal:PostgreSql={pg}" : $"--Tribunal:Database={parsed.GetValue(database)!.FullName}");
            var app = TribunalApp.Build([.. args]);
            console.Error.WriteLine($"paz: registry at http://127.0.0.1:{parsed.GetValue(port)}/ (Ctrl+C stops it)");
            app.Run();
            return PazApp.Ok;
        });
        return command;
    }

    /// <summary><c>paz audit verify</c>.</summary>
    public static Command Audit(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var verify = new Command("verify", "Check the audit log's hash chain: every row links to the one before, hashes to its stored hash, and the chain's head matches. Exit 1 if broken.") { database, postgres };
        verify.SetAction(parsed =>
        {
            var file = parsed.GetValue(database)!;
            if (parsed.GetValue(postgres) is null && !file.Exists)
            {
                throw new FileNotFoundException($"no registry database at {file.FullName}");
            }

            var result = AuditChain.VerifyAsync(Open(file, parsed.GetValue(postgres))).GetAwaiter().GetResult();
            console.Output.WriteLine(result.Intact ? $"audit log intact: {result.Rows} rows" : $"audit log BROKEN: {result.Problems.Count} problems in {result.Rows} rows");
            foreach (var problem in result.Problems)
            {
                console.Output.WriteLine($"  - {problem}");
            }

            return result.Intact ? PazApp.Ok : 1;
        });
        return new Command("audit", "The registry's audit log.") { verify };
    }

    private static Database Open(FileInfo file, string? postgres) => postgres is null ? Database.Sqlite(file.FullName) : Database.Postgres(postgres);
}
