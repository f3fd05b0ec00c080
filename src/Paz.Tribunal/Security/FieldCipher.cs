using System.Security.Cryptography;
using System.Text;

namespace Paz.Tribunal.Security;

/// <summary>
/// Encrypts personal fields in the application before they reach the database: AES-256-GCM with a
/// fresh 96-bit nonce per value, the key id stored with the value (<c>v1:KEYID:base64(nonce|tag|ciphertext)</c>)
/// so keys can rotate: new values use the current key, old ones decrypt with theirs. The field's name is
/// authenticated as associated data, so a ciphertext copied into another column fails to decrypt.
/// Names are also indexed for exact search by a keyed HMAC (a blind index), never in plaintext.
/// </summary>
public sealed class FieldCipher
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _current;
    private readonly byte[] _indexKey;

    /// <summary>Creates a cipher from keys (id → 32-byte key) and the id of the key for new values.</summary>
    /// <exception cref="ArgumentException">A key is not 32 bytes, an id contains ':', or the current key is missing.</exception>
    public FieldCipher(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId)
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
        _indexKey = HMACSHA256.HashData(_keys[_current], "paz blind index"u8);
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

    /// <summary>The blind index of a name: case- and space-insensitive, keyed, not reversible.</summary>
    public string Index(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = string.Join(' ', name.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexString(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(normalized)));
    }
}
