using System.Security.Cryptography;
using System.Text.Json;
using Paz.Tribunal.Security;

namespace Paz.Web;

/// <summary>
/// The field-encryption keys, kept in a JSON file outside the database (<c>{"current": "k1", "keys": {"k1": "base64"}}</c>)
/// or in configuration (<c>Tribunal:Keys:k1</c>, <c>Tribunal:CurrentKey</c>). Rotation: add a key, make it current;
/// old values keep decrypting with their own key id.
/// </summary>
public sealed record TribunalKeys(string Current, IReadOnlyDictionary<string, string> Keys)
{
    /// <summary>A new key file's content with one fresh 256-bit key.</summary>
    public static TribunalKeys Generate(string id = "k1") => new(id, new Dictionary<string, string> { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

    /// <summary>Reads a key file.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or malformed.</exception>
    public static TribunalKeys Read(string path)
    {
        const string Expected = "expected a key file {\"current\": \"k1\", \"keys\": {\"k1\": \"base64 of 32 bytes\"}}";
        TribunalKeys? keys;
        try
        {
            keys = JsonSerializer.Deserialize<TribunalKeys>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{path}: {Expected}: {e.Message}", e);
        }

        // Checked here, with the file's name, rather than as a stack trace when the cipher is built.
        if (keys?.Keys is not { Count: > 0 } || string.IsNullOrEmpty(keys.Current))
        {
            throw new InvalidOperationException($"{path}: {Expected}; 'current' or 'keys' is missing");
        }

        foreach (var (id, value) in keys.Keys)
        {
            var bytes = new byte[64];
            if (!Convert.TryFromBase64String(value ?? string.Empty, bytes, out var length) || length != 32)
            {
                throw new InvalidOperationException($"{path}: key '{id}' is not the base64 of 32 bytes");
            }
        }

        return keys.Keys.ContainsKey(keys.Current) ? keys : throw new InvalidOperationException($"{path}: the current key '{keys.Current}' is not among its keys ({string.Join(", ", keys.Keys.Keys)})");
    }

    /// <summary>Writes a key file readable only by its owner.</summary>
    public void Write(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this, Json);
    }

    /// <summary>The cipher for these keys.</summary>
    public FieldCipher Cipher() => new(Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)), Current);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
