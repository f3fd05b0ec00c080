using System.Security.Cryptography;

namespace Paz.Tribunal.Security;

/// <summary>PBKDF2-SHA256 password hashes (OWASP 2023: 600,000 iterations), stored as <c>pbkdf2$iterations$salt$hash</c>.</summary>
public static class PasswordHashing
{
    /// <summary>Iterations for new hashes.</summary>
    public const int Iterations = 600_000;

    /// <summary>Minimum password length accepted.</summary>
    public const int MinimumLength = 12;

    /// <summary>Hashes a password with a fresh salt.</summary>
    public static string Hash(string password, int iterations = Iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// A hash no password matches, costing as many iterations as <paramref name="sample"/> (an account's hash; the
    /// default iterations without one): checking a password against it takes as long as against a real account.
    /// </summary>
    public static string Decoy(string? sample)
    {
        var parts = sample?.Split('$');
        var iterations = parts is { Length: 4 } && int.TryParse(parts[1], out var n) && n >= 1 ? n : Iterations;
        return $"pbkdf2${iterations}${Convert.ToBase64String(new byte[16])}${Convert.ToBase64String(new byte[32])}";
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/> (constant-time comparison).</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2" || !int.TryParse(parts[1], out var iterations) || iterations < 1)
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
