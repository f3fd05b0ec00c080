using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Paz.Tribunal.Audit;

/// <summary>
/// A signed tree head: the audit log's size and Merkle root at one moment, signed with the installation's
/// Ed25519 audit key (kept in the key file, outside the database). Whoever holds a checkpoint can later prove
/// that the log still begins with exactly those rows: an intruder with the database may rewrite rows and rehash
/// the chain, but cannot make an altered or truncated log reproduce a root someone else kept.
/// </summary>
/// <param name="Size">Rows covered (the first <paramref name="Size"/> rows by sequence number).</param>
/// <param name="Root">The Merkle root of those rows (<see cref="MerkleTree"/>), lowercase hex.</param>
/// <param name="At">When the checkpoint was taken (UTC, ISO 8601).</param>
/// <param name="PublicKey">The signer's Ed25519 public key, base64 (to be compared with a trusted copy).</param>
/// <param name="Signature">Ed25519 signature over <see cref="SignedText"/>, base64.</param>
public sealed record AuditCheckpoint(long Size, string Root, string At, string PublicKey, string Signature)
{
    /// <summary>The exact text that is signed.</summary>
    public static string SignedText(long size, string root, string at) =>
        string.Create(CultureInfo.InvariantCulture, $"paz audit checkpoint v1\n{size}\n{root}\n{at}\n");

    /// <summary>Whether the signature is valid under <paramref name="trustedPublicKey"/> (base64) and was made by that key.</summary>
    public bool IsSignedBy(string trustedPublicKey)
    {
        ArgumentNullException.ThrowIfNull(trustedPublicKey);
        if (!string.Equals(PublicKey, trustedPublicKey, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(trustedPublicKey), KeyBlobFormat.RawPublicKey);
            return SignatureAlgorithm.Ed25519.Verify(key, Encoding.UTF8.GetBytes(SignedText(Size, Root, At)), Convert.FromBase64String(Signature));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>The installation's Ed25519 audit signing key, from its 32-byte seed.</summary>
public sealed class AuditSigner : IDisposable
{
    private readonly Key _key;

    /// <summary>Creates the signer from a 32-byte seed (base64 in the key file's <c>audit_signing_key</c>).</summary>
    public AuditSigner(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("an Ed25519 seed is 32 bytes", nameof(seed));
        }

        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        PublicKey = Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key, base64: what an auditor keeps to check checkpoints.</summary>
    public string PublicKey { get; }

    /// <summary>Signs a tree head.</summary>
    public AuditCheckpoint Sign(long size, string root, string at) =>
        new(size, root, at, PublicKey, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(AuditCheckpoint.SignedText(size, root, at)))));

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
