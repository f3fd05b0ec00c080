using System.CommandLine;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Web;
using Paz.Storage;

namespace Paz.Cli.Commands.Tribunal;

/// <summary><c>paz tribunal init</c>, <c>paz serve</c> and <c>paz audit verify</c>: the amnesty registry from the command line.</summary>
public static class TribunalCommands
{
    /// <summary>Environment variable holding the first administrator's password for <c>paz tribunal init</c>.</summary>
    public const string PasswordVariable = "PAZ_ADMIN_PASSWORD";

    private static Option<FileInfo> DatabaseOption() => new("--database") { Description = "SQLite database file of the registry.", DefaultValueFactory = _ => new FileInfo("tribunal.db") };

    private static Option<string?> PostgresOption() => new("--postgres") { Description = "PostgreSQL connection string (instead of --database)." };

    private static Option<DirectoryInfo?> RulesOption() => new("--rules-dir") { Description = "Folder of amnesty rule sets (default: the nearest rules/amnesty)." };

    private static Option<FileInfo> KeysOption() => new("--keys") { Description = "Encryption key file (created by 'paz tribunal init'; keep it apart from the database).", DefaultValueFactory = _ => new FileInfo("tribunal-keys.json") };

    /// <summary><c>paz tribunal</c>.</summary>
    public static Command Tribunal(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var keys = KeysOption();
        var admin = new Option<string>("--admin") { Description = "User name of the first administrator.", DefaultValueFactory = _ => "admin" };
        var rules = RulesOption();
        var init = new Command("init", $"Create the registry's database, a fresh encryption key file, and the first administrator (password from ${PasswordVariable}, or the first line of standard input).")
        {
            database, postgres, keys, admin, rules,
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
            // Everything that can be refused is tried before the keys' check values are recorded: a registry whose
            // recorded key was never written to a file could not be served.
            var ruleSets = RuleLibrary.LoadAll(RuleLibrary.Locate(parsed.GetValue(rules)?.FullName));
            var store = Open(parsed.GetValue(database)!, parsed.GetValue(postgres));
            store.CreateSchemaAsync().GetAwaiter().GetResult();
            var generated = TribunalKeys.Generate();
            var registry = new Registry(store, generated.Cipher(), ruleSets, TimeProvider.System);
            registry.BootstrapAdministratorAsync(parsed.GetValue(admin), password).GetAwaiter().GetResult();
            KeyChecks.EnsureAsync(store, generated.Cipher()).GetAwaiter().GetResult();
            generated.Write(keyFile.FullName);
            console.Error.WriteLine($"paz: registry ready; administrator '{parsed.GetValue(admin)}' created; encryption key in {keyFile.FullName} (owner-only; back it up apart from the database)");
            return PazApp.Ok;
        });
        var command = new Command("tribunal", "The amnesty tribunal's case registry.") { init, RotateKeys(console) };
        return command;
    }

    /// <summary><c>paz tribunal rotate-keys</c>.</summary>
    private static Command RotateKeys(CommandConsole console)
    {
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var keys = KeysOption();
        var batch = new Option<int>("--batch") { Description = "Rows re-encrypted per transaction.", DefaultValueFactory = _ => 200 };
        var command = new Command(
            "rotate-keys",
            "Add a fresh encryption key to the key file, make it current, and re-encrypt every value under it in short transactions while the service runs (it reloads the key file within a second). Interrupted, it resumes where it stopped when run again.")
        {
            database, postgres, keys, batch,
        };
        command.SetAction(parsed =>
        {
            var store = OpenExisting(parsed.GetValue(database)!, parsed.GetValue(postgres));
            var keyFile = parsed.GetValue(keys)!.FullName;
            var current = TribunalKeys.Read(keyFile);
            KeyChecks.EnsureAsync(store, current.Cipher()).GetAwaiter().GetResult();
            var behind = KeyRotation.RowsBehindAsync(store, current.Cipher()).GetAwaiter().GetResult();
            if (behind == 0 || !current.Cipher().HasOwnIndexKey)
            {
                var rotated = current.WithNewCurrentKey();
                KeyChecks.EnsureAsync(store, rotated.Cipher()).GetAwaiter().GetResult(); // recorded before any value uses it
                rotated.Replace(keyFile);
                current = rotated;
                console.Error.WriteLine($"paz: key '{current.Current}' added to {keyFile} and made current (the old keys stay, for backups and values not yet re-encrypted)");
            }
            else
            {
                console.Error.WriteLine($"paz: resuming the rotation to key '{current.Current}'");
            }

            var cipher = current.Cipher();
            var total = KeyRotation.RowsBehindAsync(store, cipher).GetAwaiter().GetResult();
            var done = 0L;
            for (long rewritten; (rewritten = KeyRotation.RunBatchAsync(store, cipher, parsed.GetValue(batch)).GetAwaiter().GetResult()) > 0;)
            {
                done += rewritten;
                console.Error.WriteLine($"paz: re-encrypted {done:N0} of {Math.Max(total, done):N0} rows");
            }

            console.Output.WriteLine($"rotation complete: {done} rows re-encrypted under key '{current.Current}'");
            return PazApp.Ok;
        });
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
        var rules = RulesOption();
        var runs = new Option<DirectoryInfo>("--runs") { Description = "The analysts' dashboard (/analyst): folder of its runs' outputs and of its SQLite run catalogue (catalogue.db).", DefaultValueFactory = _ => new DirectoryInfo("runs") };
        var runsPostgres = new Option<string?>("--runs-postgres") { Description = "Keep the dashboard's run catalogue in this PostgreSQL database (a connection string) instead." };
        var command = new Command("serve", "Start the registry's web service (API, OpenAPI at /openapi/v1.json, the page for every role at /) and the analysts' dashboard (/analyst) on loopback.") { database, postgres, keys, port, rules, runs, runsPostgres };
        command.SetAction(parsed =>
        {
            // A mistyped path must not start an empty registry that clerks then file into.
            RequireExisting(parsed.GetValue(database)!, parsed.GetValue(postgres));

            var args = new List<string>
            {
                $"--Tribunal:KeyFile={parsed.GetValue(keys)!.FullName}",
                $"--urls=http://127.0.0.1:{parsed.GetValue(port)}",
            };
            if (parsed.GetValue(rules) is { } folder)
            {
                args.Add($"--Tribunal:Rules={folder.FullName}");
            }

            args.Add(parsed.GetValue(postgres) is { } pg ? $"--Tribunal:PostgreSql={pg}" : $"--Tribunal:Database={parsed.GetValue(database)!.FullName}");
            args.Add($"--Analyst:Runs={parsed.GetValue(runs)!.FullName}");
            if (parsed.GetValue(runsPostgres) is { } runsPg)
            {
                args.Add($"--Analyst:PostgreSql={runsPg}");
            }

            if (parsed.GetValue(PazApp.DataOption) is { } data)
            {
                args.Add($"--Analyst:Data={data.FullName}");
            }

            var app = TribunalApp.Build([.. args], builder => Paz.Dashboard.DashboardServices.AddAnalystDashboard(builder.Services));
            console.Error.WriteLine($"paz: registry at http://127.0.0.1:{parsed.GetValue(port)}/, analysts' dashboard at http://127.0.0.1:{parsed.GetValue(port)}/analyst (Ctrl+C stops it)");
            app.Run();
            return PazApp.Ok;
        });
        return command;
    }

    /// <summary><c>paz audit verify</c> and <c>paz audit checkpoint</c>.</summary>
    public static Command Audit(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new Command("audit", "The registry's audit log.") { Verify(console), Checkpoint(console) };
    }

    private static Command Verify(CommandConsole console)
    {
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint from 'paz audit checkpoint': also prove that the log still begins with the rows it signed." };
        var keys = KeysOption();
        keys.Description = "Key file whose audit signing key must have signed the checkpoint (or give --public-key).";
        var publicKey = new Option<string?>("--public-key") { Description = "The audit key's public half (base64, printed by 'paz audit checkpoint'), for an auditor without the key file." };
        var verify = new Command("verify", "Check the audit log's hash chain (every row links to the one before, hashes to its stored hash, the head matches) and, with --checkpoint, that the log extends a signed checkpoint (found: any rewrite or truncation of the rows it covers). Exit 1 if broken.")
        {
            database, postgres, checkpoint, keys, publicKey,
        };
        verify.SetAction(parsed =>
        {
            var store = OpenExisting(parsed.GetValue(database)!, parsed.GetValue(postgres));
            AuditCheckpoint? head = null;
            string? trusted = null;
            if (parsed.GetValue(checkpoint) is { } file)
            {
                head = ReadCheckpoint(file);
                trusted = parsed.GetValue(publicKey) ?? TrustedKey(parsed.GetValue(keys)!);
            }

            var result = AuditChain.VerifyAsync(store, head, trusted).GetAwaiter().GetResult();
            var extends = head is null ? string.Empty : $"; extends the checkpoint of {head.At} ({head.Size} rows)";
            console.Output.WriteLine(result.Intact ? $"audit log intact: {result.Rows} rows{extends}" : $"audit log BROKEN: {result.Problems.Count} problems in {result.Rows} rows");
            foreach (var problem in result.Problems)
            {
                console.Output.WriteLine($"  - {problem}");
            }

            return result.Intact ? PazApp.Ok : 1;
        });
        return verify;
    }

    private static Command Checkpoint(CommandConsole console)
    {
        var database = DatabaseOption();
        var postgres = PostgresOption();
        var keys = KeysOption();
        var output = new Option<FileInfo?>("--out") { Description = "Write the checkpoint to this file (default: standard output). Keep it away from the database: with another office, in a ticket, in mail." };
        var command = new Command("checkpoint", "Sign the audit log's current size and Merkle root with the key file's audit key; 'paz audit verify --checkpoint' later proves the log still begins with those rows.")
        {
            database, postgres, keys, output,
        };
        command.SetAction(parsed =>
        {
            var store = OpenExisting(parsed.GetValue(database)!, parsed.GetValue(postgres));
            var keyFile = parsed.GetValue(keys)!;
            using var signer = TribunalKeys.Read(keyFile.FullName).Signer()
                ?? throw new UsageException($"{keyFile.FullName} has no audit signing key (written before checkpoints existed): 'paz tribunal rotate-keys' adds one");
            var verification = AuditChain.VerifyAsync(store).GetAwaiter().GetResult();
            if (!verification.Intact)
            {
                throw new UsageException($"the audit log is broken ({verification.Problems[0]}); refusing to sign it (run 'paz audit verify')");
            }

            var checkpoint = AuditChain.CheckpointAsync(store, signer, DateTimeOffset.UtcNow).GetAwaiter().GetResult();
            var json = System.Text.Json.JsonSerializer.Serialize(checkpoint, CheckpointJson);
            if (parsed.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, json + Environment.NewLine);
                console.Error.WriteLine($"paz: checkpoint of {checkpoint.Size} rows written to {file.FullName}; audit public key {checkpoint.PublicKey}");
            }
            else
            {
                console.Output.WriteLine(json);
            }

            return PazApp.Ok;
        });
        return command;
    }

    private static readonly System.Text.Json.JsonSerializerOptions CheckpointJson = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private static AuditCheckpoint ReadCheckpoint(FileInfo file)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<AuditCheckpoint>(File.ReadAllText(file.FullName), CheckpointJson)
                ?? throw new UsageException($"{file.FullName}: empty checkpoint");
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{file.FullName}: not a checkpoint written by 'paz audit checkpoint': {e.Message}");
        }
    }

    private static string TrustedKey(FileInfo keyFile)
    {
        if (!keyFile.Exists)
        {
            throw new UsageException($"no key file at {keyFile.FullName} to check the checkpoint's signature: give --keys FILE or --public-key BASE64");
        }

        using var signer = TribunalKeys.Read(keyFile.FullName).Signer()
            ?? throw new UsageException($"{keyFile.FullName} has no audit signing key: give --public-key BASE64");
        return signer.PublicKey;
    }

    // A mistyped path must not become a fresh, empty database.
    private static Database OpenExisting(FileInfo file, string? postgres)
    {
        RequireExisting(file, postgres);
        return Open(file, postgres);
    }

    private static void RequireExisting(FileInfo file, string? postgres)
    {
        if (postgres is null && !file.Exists)
        {
            throw new FileNotFoundException($"no registry database at {file.FullName}; create one with 'paz tribunal init --database FILE --keys FILE'");
        }
    }

    private static Database Open(FileInfo file, string? postgres) => postgres is null ? Database.Sqlite(file.FullName) : Database.Postgres(postgres);
}
