using System.Data.Common;
using Dapper;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Tribunal.Security;

/// <summary>
/// Re-encrypts the registry's values under the current key, a batch of rows per transaction, while the service
/// keeps serving: each batch is short, reads and writes its rows in one transaction, and leaves every value
/// readable under one of the configured keys. A case's blind index is rebuilt with its name, so search works
/// throughout. Resumable: what remains is exactly the rows with a value under an older key.
/// </summary>
public static class KeyRotation
{
    /// <summary>Rows with at least one value not under <paramref name="cipher"/>'s current key.</summary>
    public static async Task<long> RowsBehindAsync(Database database, FieldCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cipher);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var behind = 0L;
        foreach (var table in Tables)
        {
            behind += await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table.Key} WHERE {Behind(table)}", Prefix(cipher)).ConfigureAwait(false);
        }

        return behind;
    }

    /// <summary>Re-encrypts up to <paramref name="batchSize"/> rows of each table in one transaction; returns how many were rewritten (0: done).</summary>
    public static Task<long> RunBatchAsync(Database database, FieldCipher cipher, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var rewritten = 0L;
            foreach (var table in Tables)
            {
                rewritten += await Rewrite(database, connection, transaction, cipher, table, batchSize).ConfigureAwait(false);
            }

            return rewritten;
        });
    }

    private static readonly IReadOnlyList<IGrouping<string, (string Table, string Column, string Field)>> Tables =
        [.. Schema.EncryptedColumns.GroupBy(c => c.Table)];

    private static object Prefix(FieldCipher cipher)
    {
        var prefix = $"v1:{cipher.CurrentKeyId}:";
        return new { prefix, length = prefix.Length };
    }

    // substr rather than LIKE: a key id may contain LIKE's wildcards.
    private static string Behind(IGrouping<string, (string Table, string Column, string Field)> table) =>
        string.Join(" OR ", table.Select(c => $"({c.Column} IS NOT NULL AND substr({c.Column}, 1, @length) <> @prefix)"));

    private static async Task<long> Rewrite(Database database, DbConnection connection, DbTransaction transaction, FieldCipher cipher, IGrouping<string, (string Table, string Column, string Field)> table, int batchSize)
    {
        var columns = table.ToList();
        var select = $"SELECT id, {string.Join(", ", columns.Select(c => c.Column))} FROM {table.Key} WHERE {Behind(table)} ORDER BY id LIMIT {batchSize}{database.ForUpdate}";
        var rows = (await connection.QueryAsync(select, Prefix(cipher), transaction).ConfigureAwait(false)).Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in rows)
        {
            var values = new DynamicParameters();
            values.Add("id", row["id"]);
            var sets = new List<string>();
            foreach (var (_, column, field) in columns)
            {
                var plain = cipher.Decrypt(row[column] as string, field);
                values.Add(column, cipher.Encrypt(plain, field));
                sets.Add($"{column} = @{column}");
                if (field == "applicant_name" && plain is not null)
                {
                    values.Add("name_index", cipher.Index(plain));
                    sets.Add("name_index = @name_index");
                }
            }

            await connection.ExecuteAsync($"UPDATE {table.Key} SET {string.Join(", ", sets)} WHERE id = @id", values, transaction).ConfigureAwait(false);
        }

        return rows.Count;
    }
}
