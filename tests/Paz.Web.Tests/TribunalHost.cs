using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Dashboard;
using Paz.Storage;

namespace Paz.Web.Tests;

/// <summary>Which database a test host runs on.</summary>
public enum Backend
{
    /// <summary>A SQLite file in a temporary folder.</summary>
    Sqlite,

    /// <summary>A fresh PostgreSQL database (PAZ_TEST_POSTGRES names the server; .ci/run starts one).</summary>
    Postgres,
}

/// <summary>
/// The tribunal service in memory on a fresh database, with one user per role (cheap password hashes:
/// tests measure behaviour, not hashing cost).
/// </summary>
public sealed class TribunalHost : IDisposable
{
    /// <summary>Password of every test user.</summary>
    public const string Password = "correct horse battery";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string? _postgresDatabase;

    /// <param name="backend">The database.</param>
    /// <param name="extraSettings">Configuration beyond the defaults (e.g. a low sign-in rate limit).</param>
    public TribunalHost(Backend backend, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        Folder = Directory.CreateTempSubdirectory("paz-tribunal-").FullName;
        DatabasePath = Path.Combine(Folder, "tribunal.db");
        Backend = backend;
        var settings = new Dictionary<string, string?>
        {
            ["Tribunal:Keys:k1"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray()),
            ["Tribunal:CurrentKey"] = "k1",
            ["Tribunal:Rules"] = RuleLibrary.Locate(),
            ["Tribunal:SignInsPerMinute"] = "1000000", // tests sign in far more often than people; one test sets a low limit
            ["Analyst:Runs"] = Path.Combine(Folder, "runs"),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (backend == Backend.Postgres)
        {
            var server = PostgresServer ?? throw new InvalidOperationException("PAZ_TEST_POSTGRES is not set");
            _postgresDatabase = "paz_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var root = new NpgsqlConnection(server))
            {
                root.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", root);
                create.ExecuteNonQuery();
            }

            settings["Tribunal:PostgreSql"] = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
            settings["Analyst:PostgreSql"] = settings["Tribunal:PostgreSql"]; // the run catalogue beside the registry's tables
        }
        else
        {
            settings["Tribunal:Database"] = DatabasePath;
        }

        Settings = settings;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.ConfigureServices(services => services.AddAnalystDashboard()); // as paz serve does
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        Registry = _factory.Services.GetRequiredService<Registry>();
        var admin = Registry.BootstrapAdministratorAsync("admin", Password, iterations: 1000).GetAwaiter().GetResult();
        Admin = new Actor(admin, "admin", Role.Administrator);
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Administrator))
        {
            Users[role] = AddUser(UserName(role), role);
        }

        Users[Role.Administrator] = Admin;
    }

    /// <summary>The PostgreSQL server for tests (<see cref="Paz.Tests.TestPostgres.Server"/>); null (a loud skip) when none can be started.</summary>
    public static string? PostgresServer => Paz.Tests.TestPostgres.Server;

    public Backend Backend { get; }

    public string Folder { get; }

    public string DatabasePath { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public Registry Registry { get; }

    public Actor Admin { get; }

    /// <summary>One user per role.</summary>
    public Dictionary<Role, Actor> Users { get; } = [];

    public static string UserName(Role role) => Registry.Wire(role).Replace("_", string.Empty, StringComparison.Ordinal) + "1";

    public Actor AddUser(string name, Role role)
    {
        var id = Registry.AddUserAsync(Admin, name, role, Password, "test setup", iterations: 1000).GetAwaiter().GetResult();
        return new Actor(id, name, role);
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> (null: anonymous).</summary>
    public HttpClient Client(Actor? user)
    {
        var client = _factory.CreateClient();
        if (user is not null)
        {
            // A fresh session each time: a test that signs out, disables or changes a password ends only its own.
            using var anonymous = _factory.CreateClient();
            var response = anonymous.PostAsJsonAsync("/api/session", new { name = user.Name, password = Password }).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            var token = response.Content.ReadFromJsonAsync<Dictionary<string, string>>().GetAwaiter().GetResult()!["token"];
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        client.DefaultRequestHeaders.Add("X-Purpose", "test");
        return client;
    }

    /// <summary>A raw client (no session).</summary>
    public HttpClient RawClient() => _factory.CreateClient();

    public Database Database => Registry.Database;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _factory.Services;

    public void Dispose()
    {
        _factory.Dispose();
        if (_postgresDatabase is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            try
            {
                drop.ExecuteNonQuery();
            }
            catch (PostgresException e)
            {
                // A throwaway database left on the test server is harmless; failing the test that used it would not be.
                Console.Error.WriteLine($"!!!!! could not drop the test database {_postgresDatabase}: {e.MessageText}");
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a closing connection; the temp folder is reclaimed by the system
        }
    }
}
