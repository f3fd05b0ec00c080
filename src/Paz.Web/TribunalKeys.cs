using System.Security.Cryptography;
using System.Text.Json;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;

namespace Paz.Web;

/// <summary>
/// The registry's secrets, kept in a JSON file outside the database (<c>paz tribunal init</c> writes one, owner-only):
/// the field-encryption keys by id and which is current, the blind index's own key, and the Ed25519 seed that signs
/// audit checkpoints. Configuration (<c>Tribunal:Keys:k1</c>, <c>Tribunal:CurrentKey</c>) may give the field keys instead.
/// Rotation (<c>paz tribunal rotate-keys</c>) adds a key, makes it current and re-encrypts; old values keep
/// decrypting with their own key id meanwhile, and the index key does not change, so search keeps working.
/// </summary>
/// <param name="Current">Id of the key new values are encrypted with.</param>
/// <param name="Keys">Field keys: id → base64 of 32 bytes.</param>
/// <param name="IndexKey">The blind index's key, base64 of 32 bytes (absent in files written before it existed).</param>
/// <param name="AuditSigningKey">Ed25519 seed that signs audit checkpoints, base64 of 32 bytes (absent in older files).</param>
public sealed record TribunalKeys(string Current, IReadOnlyDictionary<string, string> Keys, string? IndexKey = null, string? AuditSigningKey = null)
{
    /// <summary>A new key file's content: one fresh field key, an index key and an audit signing key.</summary>
    public static TribunalKeys Generate(string id = "k1") =>
        new(id, new Dictionary<string, string> { [id] = RandomKey() }, RandomKey(), RandomKey());

    /// <summary>
    /// These keys with a fresh field key made current (id k&lt;n+1&gt;), and an index key and audit signing key
    /// added where the file had none.
    /// </summary>
    public TribunalKeys WithNewCurrentKey()
    {
        var number = Keys.Keys.Select(k => k.StartsWith('k') && int.TryParse(k[1..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var id = $"k{number}";
        return new TribunalKeys(id, new Dictionary<string, string>(Keys) { [id] = RandomKey() }, IndexKey ?? RandomKey(), AuditSigningKey ?? RandomKey());
    }

    private static string RandomKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads a key file.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or malformed.</exception>
    public static TribunalKeys Read(string path)
    {
        const string Expected = "expected a key file {\"current\": \"k1\", \"keys\": {\"k1\": \"base64 of 32 bytes\"}, \"index_key\": \"…\", \"audit_signing_key\": \"…\"}";
        TribunalKeys? keys;
        try
        {
            keys = JsonSerializer.Deserialize<TribunalKeys>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{path}: {Expected}: {e.Message}", e);
        }

        if (keys?.Keys is not { Count: > 0 } || string.IsNullOrEmpty(keys.Current))
        {
            throw new InvalidOperationException($"{path}: {Expected}; 'current' or 'keys' is missing");
        }

        try
        {
            _ = keys.Cipher();
            keys.Signer()?.Dispose();
            return keys;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes a new key file readable only by its owner.</summary>
    public void Write(string path) => Write(path, FileMode.CreateNew);

    /// <summary>
    /// Replaces a key file atomically (a new owner-only file renamed over the old one), so that a crash leaves the
    /// old file or the new one, never half of either.
    /// </summary>
    public void Replace(string path)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        Write(temporary, FileMode.CreateNew);
        File.Move(temporary, path, overwrite: true);
    }

    private void Write(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The cipher for these keys.</summary>
    /// <exception cref="InvalidOperationException">A key is not the base64 of 32 bytes, or the current key is missing; the message names it.</exception>
    public FieldCipher Cipher()
    {
        var keys = Keys.ToDictionary(k => k.Key, k => Decode(k.Value, $"key '{k.Key}'"));
        if (!keys.ContainsKey(Current))
        {
            throw new InvalidOperationException($"the current key '{Current}' is not among the keys ({string.Join(", ", Keys.Keys)})");
        }

        if (keys.Keys.FirstOrDefault(id => id.Length == 0 || id.Contains(':', StringComparison.Ordinal)) is { } bad)
        {
            throw new InvalidOperationException($"key id '{bad}' must be non-empty and without ':'");
        }

        return new FieldCipher(keys, Current, IndexKey is null ? null : Decode(IndexKey, "index_key"));
    }

    /// <summary>The audit checkpoint signer, or null when the file has no audit signing key.</summary>
    public AuditSigner? Signer() => AuditSigningKey is null ? null : new AuditSigner(Decode(AuditSigningKey, "audit_signing_key"));

    private static byte[] Decode(string? value, string what)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(value ?? string.Empty, bytes, out var length) && length == 32
            ? bytes[..32]
            : throw new InvalidOperationException($"{what} is not the base64 of 32 bytes");
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
