using Dapper;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Tribunal.Security;

/// <summary>
/// Refuses keys that are not this registry's. Each field key's check value (and the index key's) is recorded in
/// the database the first time the key is used; a key file whose key has the same id but another value (another
/// installation's file, an old backup) is refused before it can write a value that no right key will read.
/// Check values are HMACs of a fixed text: they identify a key without revealing it.
/// </summary>
public static class KeyChecks
{
    /// <summary>Checks <paramref name="cipher"/>'s keys against those recorded, and records the new ones.</summary>
    /// <exception cref="KeyMismatchException">A key differs from the one the registry recorded under its id.</exception>
    public static Task EnsureAsync(Database database, FieldCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cipher);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var recorded = (await connection.QueryAsync<(string Kind, string KeyId, string CheckValue)>(
                "SELECT kind, key_id, check_value FROM key_checks", transaction: transaction).ConfigureAwait(false)).ToList();
            var wanted = cipher.CheckValues.Select(k => (Kind: "field", KeyId: k.Key, CheckValue: k.Value)).ToList();
            if (cipher.IndexCheckValue is { } index)
            {
                wanted.Add(("index", "index", index));
            }
            else if (recorded.Any(r => r.Kind == "index"))
            {
                throw new KeyMismatchException("this registry's name index has its own key, and the key file has none ('index_key'): it is not this registry's key file");
            }

            foreach (var key in wanted)
            {
                var known = recorded.FirstOrDefault(r => r.Kind == key.Kind && r.KeyId == key.KeyId);
                if (known.CheckValue is null)
                {
                    await connection.ExecuteAsync("INSERT INTO key_checks (kind, key_id, check_value) VALUES (@kind, @keyId, @checkValue)", new { kind = key.Kind, keyId = key.KeyId, checkValue = key.CheckValue }, transaction).ConfigureAwait(false);
                }
                else if (known.CheckValue != key.CheckValue)
                {
                    throw new KeyMismatchException(key.Kind == "index"
                        ? "the key file's index key is not the one this registry's name index was built with: it is another installation's key file"
                        : $"the key file's key '{key.KeyId}' is not the key '{key.KeyId}' this registry was encrypted with (check value {key.CheckValue}, recorded {known.CheckValue}): it is another installation's key file, or an old one");
                }
            }

            return 0;
        });
    }
}

/// <summary>A key file that is not the registry's own.</summary>
public sealed class KeyMismatchException(string message) : InvalidOperationException(message);
