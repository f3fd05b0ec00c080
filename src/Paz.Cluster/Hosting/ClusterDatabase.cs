using Npgsql;

namespace Paz.Cluster.Hosting;

/// <summary>
/// The PostgreSQL database a cluster of several machines keeps its membership and computed replicates in (Orleans'
/// ADO.NET clustering and grain storage): its tables and the statements the providers run, installed by every silo
/// before it starts.
/// </summary>
/// <remarks>
/// Orleans' ADO.NET providers run only statements they find in the table <c>orleansquery</c>, and the scripts that
/// fill it are not part of their NuGet packages. Paz ships its own (<c>ClusterDatabase.sql</c>, embedded): Paz's
/// tables, and one statement per key the 10.4 providers ask for, each written against the parameters they send and
/// the columns they read.
/// </remarks>
public static class ClusterDatabase
{
    /// <summary>The ADO.NET provider name Orleans loads Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    // Any constant shared by every silo: two silos starting together install one after the other.
    private const long InstallLock = 0x70617a_636c7573;

    /// <summary>Creates what is missing and replaces the stored statements; safe to run again and concurrently.</summary>
    public static async Task InstallAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException($"the cluster's database ({Describe(connectionString)}) cannot be reached: {e.Message}", e);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var wait = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({InstallLock})", connection, transaction))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var install = new NpgsqlCommand(Script(), connection, transaction))
        {
            await install.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection string without its password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "a malformed connection string";
        }
    }

    private static string Script()
    {
        using var stream = typeof(ClusterDatabase).Assembly.GetManifestResourceStream("Paz.Cluster.ClusterDatabase.sql")
            ?? throw new InvalidOperationException("Paz.Cluster was built without its ClusterDatabase.sql");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
