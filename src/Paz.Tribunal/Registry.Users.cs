using System.Security.Cryptography;
using System.Text;
using Dapper;
using Paz.Tribunal.Security;

namespace Paz.Tribunal;

public sealed partial class Registry
{
    /// <summary>Failed sign-ins before an account is locked.</summary>
    public const int LockoutThreshold = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    /// <summary>How long a session lasts.</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    /// <summary>
    /// Creates a user. <paramref name="actor"/> must be an administrator, except for the very first
    /// account (the bootstrap administrator created from the command line, when no user exists).
    /// </summary>
    public async Task<string> AddUserAsync(Actor? actor, string? name, Role role, string? password, string? purpose = null, int iterations = PasswordHashing.Iterations)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsWhiteSpace))
        {
            throw RegistryException.Invalid("name", "a user name of 1-64 characters without spaces is required");
        }

        if (password is null || password.Length < PasswordHashing.MinimumLength)
        {
            throw RegistryException.Invalid("password", $"a password of at least {PasswordHashing.MinimumLength} characters is required");
        }

        var hash = PasswordHashing.Hash(password, iterations);
        if (actor is null)
        {
            return await _database.InTransactionAsync(async (connection, transaction) =>
            {
                if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users", transaction: transaction).ConfigureAwait(false) > 0 || role != Role.Administrator)
                {
                    throw new RegistryException(Refusal.Denied, "only the first account may be created without signing in, and it must be an administrator");
                }

                var id = await InsertUser(connection, transaction, name, role, hash).ConfigureAwait(false);
                await Audit.AuditChain.AppendAsync(_database, connection, transaction, Now, name, Wire(role), Wire(TribunalAction.UserManage), $"user:{id}", "bootstrap administrator", "allowed").ConfigureAwait(false);
                return id;
            }).ConfigureAwait(false);
        }

        return await Run(actor, TribunalAction.UserManage, "user:new", purpose, async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @name", new { name }, transaction).ConfigureAwait(false) > 0)
            {
                throw new RegistryException(Refusal.Conflict, $"a user named '{name}' exists");
            }

            var id = await InsertUser(connection, transaction, name, role, hash).ConfigureAwait(false);
            return (id, $"user:{id}", $"allowed: created {Wire(role)}");
        }).ConfigureAwait(false);
    }

    private async Task<string> InsertUser(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string name, Role role, string hash)
    {
        var id = Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync(
            "INSERT INTO users (id, name, role, password_hash, failed_attempts, locked_until, created) VALUES (@id, @name, @role, @hash, 0, NULL, @now)",
            new { id, name, role = Wire(role), hash, now = Now }, transaction).ConfigureAwait(false);
        return id;
    }

    /// <summary>Longest password a sign-in may send (a passphrase; anything longer is an attack on the hashing).</summary>
    public const int MaximumPasswordLength = 1024;

    /// <summary>What the audit log records as the actor of a sign-in under a name no account has.</summary>
    public const string UnknownName = "(unknown name)";

    /// <summary>
    /// Signs in; returns a session token. Five failures lock the account for 15 minutes; every attempt is audited.
    /// A name no account has is audited as <see cref="UnknownName"/>, never as typed (it may be a password typed in
    /// the wrong field, or megabytes sent to fill the disk). The password is checked outside the write lock, and as
    /// long for an unknown name as for a known one (against a decoy with the installation's iterations).
    /// </summary>
    public async Task<string> SignInAsync(string? name, string? password)
    {
        // Accounts are created with 1-64 characters and no spaces: anything else cannot be one.
        var plausible = !string.IsNullOrEmpty(name) && name.Length <= 64 && !name.Any(char.IsWhiteSpace) && password is not null && password.Length <= MaximumPasswordLength;
        (string? Id, string? Hash) user;
        string? sample;
        await using (var connection = await _database.OpenAsync().ConfigureAwait(false))
        {
            user = plausible
                ? await connection.QuerySingleOrDefaultAsync<(string? Id, string? Hash)>("SELECT id, password_hash FROM users WHERE name = @name", new { name }).ConfigureAwait(false)
                : default;
            sample = user.Hash ?? await connection.QueryFirstOrDefaultAsync<string?>("SELECT password_hash FROM users ORDER BY created LIMIT 1").ConfigureAwait(false);
        }

        var matches = PasswordHashing.Verify(plausible ? password! : string.Empty, user.Hash ?? PasswordHashing.Decoy(sample));
        var now = _clock.GetUtcNow();
        var outcome = await _database.InTransactionAsync(async (connection, transaction) =>
        {
            var state = user.Id is null ? default : await connection.QuerySingleOrDefaultAsync<(string? Role, long Failed, string? LockedUntil)>(
                "SELECT role, failed_attempts, locked_until FROM users WHERE id = @id", new { id = user.Id }, transaction).ConfigureAwait(false);
            string result;
            string? token = null;
            if (user.Id is null || state.Role is null)
            {
                result = "denied: unknown user";
            }
            else if (state.LockedUntil is not null && DateTimeOffset.Parse(state.LockedUntil, System.Globalization.CultureInfo.InvariantCulture) > now)
            {
                result = "denied: account locked";
            }
            else if (!matches)
            {
                var failed = state.Failed + 1;
                var lockUntil = failed >= LockoutThreshold ? (now + LockoutPeriod).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;
                await connection.ExecuteAsync("UPDATE users SET failed_attempts = @failed, locked_until = @lockUntil WHERE id = @id",
                    new { failed = lockUntil is null ? failed : 0, lockUntil, id = user.Id }, transaction).ConfigureAwait(false);
                result = lockUntil is null ? "denied: wrong password" : "denied: wrong password; account locked";
            }
            else
            {
                token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                await connection.ExecuteAsync("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = @id", new { id = user.Id }, transaction).ConfigureAwait(false);
                await connection.ExecuteAsync("INSERT INTO sessions (token_hash, user_id, expires) VALUES (@hash, @id, @expires)",
                    new { hash = TokenHash(token), id = user.Id, expires = (now + SessionLength).ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, transaction).ConfigureAwait(false);
                result = "allowed";
            }

            var actor = user.Id is null || state.Role is null ? UnknownName : name!;
            await Audit.AuditChain.AppendAsync(_database, connection, transaction, Now, actor, state.Role ?? "none", "sign_in", "session", "sign in", result).ConfigureAwait(false);
            return (token, result);
        }).ConfigureAwait(false);
        return outcome.token ?? throw new RegistryException(Refusal.Unauthenticated, outcome.result.Contains("locked", StringComparison.Ordinal) ? "account locked; try again later" : "wrong user name or password");
    }

    /// <summary>The actor of a session token, or null when the token is unknown or expired.</summary>
    public async Task<Actor?> AuthenticateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Name, string Role, string Expires)>(
            "SELECT u.id, u.name, u.role, s.expires FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = @hash",
            new { hash = TokenHash(token) }).ConfigureAwait(false);
        return row.Id is null || DateTimeOffset.Parse(row.Expires, System.Globalization.CultureInfo.InvariantCulture) < _clock.GetUtcNow()
            ? null
            : new Actor(row.Id, row.Name, FromWire<Role>(row.Role, "role"));
    }

    private static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
