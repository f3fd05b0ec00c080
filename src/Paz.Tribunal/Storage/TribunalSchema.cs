using Dapper;
using Paz.Storage;

namespace Paz.Tribunal.Storage;

/// <summary>Creates the registry's tables (<see cref="Schema"/>) and the audit chain's genesis head.</summary>
public static class TribunalSchema
{
    /// <summary>Creates the tables if they do not exist.</summary>
    public static async Task CreateSchemaAsync(this Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.CreateSchemaAsync(Schema.Statements.Concat(Schema.AppendOnly(database.IsPostgres)), Schema.AddedColumns).ConfigureAwait(false);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await connection.ExecuteAsync(
            database.IsPostgres
                ? "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, @Genesis) ON CONFLICT (id) DO NOTHING"
                : "INSERT OR IGNORE INTO audit_head (id, seq, hash) VALUES (1, 0, @Genesis)",
            new { Audit.AuditChain.Genesis }).ConfigureAwait(false);
    }
}
