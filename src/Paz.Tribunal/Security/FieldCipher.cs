using System.Security.Cryptography;
using System.Text;

namespace Paz.Tribunal.Security;

/// <summary>
/// Encrypts personal fields in the application before they reach the database: AES-256-GCM with a
/// fresh 96-bit nonce per value, the key id stored with the value (<c>v1:KEYID:base64(nonce|tag|ciphertext)</c>)
/// so keys can rotate: new values use the current key, old ones decrypt with theirs. The field's name is
/// authenticated as associated data, so a ciphertext copied into another column fails to decrypt.
/// Names are also indexed for exact search by a keyed HMAC (a blind index), never in plaintext. The index has
/// its own key, so that rotating the field keys leaves search working; installations whose key file predates
/// the index key indexed under a key derived from the then current field key, and search looks under those too.
/// </summary>
public sealed class FieldCipher
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _current;
    private readonly byte[] _indexKey;
    private readonly byte[][] _legacyIndexKeys;

    /// <summary>
    /// Creates a cipher from keys (id → 32-byte key), the id of the key for new values and the blind index's own
    /// 32-byte key (null for a key file that predates it: the index is then keyed by the current field key).
    /// </summary>
    /// <exception cref="ArgumentException">A key is not 32 bytes, an id contains ':', or the current key is missing.</exception>
    public FieldCipher(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, byte[]? indexKey = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(currentKeyId);
        foreach (var (id, key) in keys)
        {
            if (key.Length != 32 || id.Contains(':', StringComparison.Ordinal) || id.Length == 0)
            {
                throw new ArgumentException($"key '{id}' must be 32 bytes (base64 of 32 random bytes) with an id without ':'", nameof(keys));
            }
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        _current = _keys.ContainsKey(currentKeyId) ? currentKeyId : throw new ArgumentException($"the current key '{currentKeyId}' is not among the configured keys", nameof(currentKeyId));
        if (indexKey is { Length: not 32 })
        {
            throw new ArgumentException("the index key must be 32 bytes (base64 of 32 random bytes)", nameof(indexKey));
        }

        _legacyIndexKeys = [.. _keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => LegacyIndexKey(k.Value))];
        _indexKey = indexKey is null ? LegacyIndexKey(_keys[_current]) : HMACSHA256.HashData(indexKey, "paz blind index"u8);
        HasOwnIndexKey = indexKey is not null;
        CheckValues = _keys.ToDictionary(k => k.Key, k => CheckValue(k.Value), StringComparer.Ordinal);
        IndexCheckValue = indexKey is null ? null : CheckValue(indexKey);
    }

    /// <summary>The id of the key new values are encrypted with.</summary>
    public string CurrentKeyId => _current;

    /// <summary>Whether the blind index has its own key (rather than one derived from the current field key).</summary>
    public bool HasOwnIndexKey { get; }

    /// <summary>
    /// Each field key's check value: 8 bytes of HMAC-SHA256(key, "paz key check value"), hex. Stored in the database
    /// when a key is first used, so a key file from another installation that reuses an id is refused at start.
    /// </summary>
    public IReadOnlyDictionary<string, string> CheckValues { get; }

    /// <summary>The index key's check value, or null without an index key.</summary>
    public string? IndexCheckValue { get; }

    private static string CheckValue(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "paz key check value"u8)[..8]);

    private static byte[] LegacyIndexKey(byte[] fieldKey) => HMACSHA256.HashData(fieldKey, "paz blind index"u8);

    /// <summary>The key id a stored value was encrypted with, or null for null or an unknown format.</summary>
    public static string? KeyIdOf(string? stored)
    {
        var parts = stored?.Split(':', 3);
        return parts is { Length: 3 } && parts[0] == "v1" ? parts[1] : null;
    }

    /// <summary>Encrypts a field value; null stays null.</summary>
    public string? Encrypt(string? plaintext, string field)
    {
        if (plaintext is null)
        {
            return null;
        }

        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + data.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_current], 16);
        aes.Encrypt(nonce, data, output.AsSpan(28), output.AsSpan(12, 16), Encoding.UTF8.GetBytes(field));
        return $"v1:{_current}:{Convert.ToBase64String(output)}";
    }

    /// <summary>Decrypts a value written by <see cref="Encrypt"/>.</summary>
    /// <exception cref="CryptographicException">The value was altered, moved to another field, or its key is unknown.</exception>
    public string? Decrypt(string? stored, string field)
    {
        if (stored is null)
        {
            return null;
        }

        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("an encrypted field has an unknown format or key id");
        }

        var input = Convert.FromBase64String(parts[2]);
        var plain = new byte[input.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(input.AsSpan(0, 12), input.AsSpan(28), input.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(field));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The blind index a name is stored under: case- and space-insensitive, keyed, not reversible.</summary>
    public string Index(string name) => Index(_indexKey, name);

    /// <summary>
    /// Every index a name may be stored under: its index, and those an installation without an index key wrote
    /// under each of its field keys (before a rotation rebuilt them), so that search finds cases filed before it.
    /// </summary>
    public IReadOnlyList<string> SearchIndexes(string name) => [.. _legacyIndexKeys.Select(k => Index(k, name)).Prepend(Index(name)).Distinct()];

    private static string Index(byte[] key, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = string.Join(' ', name.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized)));
    }
}
