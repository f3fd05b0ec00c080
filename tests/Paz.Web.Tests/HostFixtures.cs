namespace Paz.Web.Tests;

/// <summary>A SQLite-backed host shared by one test class.</summary>
public sealed class SqliteHostFixture : IDisposable
{
    public TribunalHost Host { get; } = new(Backend.Sqlite);

    public void Dispose() => Host.Dispose();
}

/// <summary>A PostgreSQL-backed host shared by one test class, when a server is available.</summary>
public sealed class PostgresHostFixture : IDisposable
{
    public TribunalHost? Host { get; } = TribunalHost.PostgresServer is null ? null : new(Backend.Postgres);

    public void Dispose() => Host?.Dispose();

    /// <summary>The host, or a loud skip when no PostgreSQL server was provided.</summary>
    public TribunalHost Require()
    {
        if (Host is null)
        {
            Assert.Skip("SKIPPED ON POSTGRESQL: PAZ_TEST_POSTGRES is not set and '.ci/postgres' could not install or start Debian's postgresql (run it by hand to see why; it prints the variable to set).");
        }

        return Host;
    }
}
