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
    public TribunalHost Require() => Host ?? throw new InvalidOperationException(
        "PostgreSQL tests need PAZ_TEST_POSTGRES (a connection string to a server where the user may CREATE DATABASE); .ci/run installs and starts one");
}
