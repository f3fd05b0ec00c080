using System.Security.Cryptography;
using System.Text;
using Dapper;
using Paz.Tribunal.Security;

namespace Paz.Tribunal;

public sealed partial class Registry
{
    /// <summary>Failed sign-ins under one name from one address before that address is locked out of that name.</summary>
    public const int LockoutThreshold = 5;

    /// <summary>How long such a lockout lasts.</summary>
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures under one name from all addresses within <see cref="LockoutPeriod"/> beyond which every further attempt
    /// under that name waits <see cref="SlowdownDelay"/> first: guessing from many addresses is slowed, and no one is locked out.
    /// </summary>
    public const int SlowdownThreshold = 20;

    /// <summary>The wait of an attempt under a name being guessed from many addresses.</summary>
    public static readonly TimeSpan SlowdownDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a session lasts.</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    /// <summary>
    /// Creates the first account, an administrator, without signing in (from the command line, when no user exists).
    /// </summary>
    public async Task<string> BootstrapAdministratorAsync(string? name, string? password, int iterations = PasswordHashing.Iterations)
    {
        var hash = PasswordHashing.Hash(CheckNewUser(name, password), iterations);
        return await _database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users", transaction: transaction).ConfigureAwait(false) > 0)
            {
                throw new RegistryException(Refusal.Denied, "only the first account may be created without signing in");
            }

            var id = await InsertUser(connection, transaction, name!, Role.Administrator, hash).ConfigureAwait(false);
            await Audit.AuditChain.AppendAsync(_database, connection, transaction, Now, name!, Wire(Role.Administrator), Wire(TribunalAction.UserManage), $"user:{id}", "bootstrap administrator", "allowed").ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
    }

    /// <summary>Creates a user; <paramref name="actor"/> must be an administrator (an anonymous attempt is refused and audited).</summary>
    public async Task<string> AddUserAsync(Actor? actor, string? name, Role role, string? password, string? purpose = null, int iterations = PasswordHashing.Iterations)
    {
        await Authorize(actor, TribunalAction.UserManage, "user:new", Why(purpose)).ConfigureAwait(false);
        var hash = await Hashing(() => PasswordHashing.Hash(CheckNewUser(name, password), iterations)).ConfigureAwait(false);
        return await Run(actor, TribunalAction.UserManage, "user:new", purpose, async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @name", new { name }, transaction).ConfigureAwait(false) > 0)
            {
                throw new RegistryException(Refusal.Conflict, $"a user named '{name}' exists");
            }

            var id = await InsertUser(connection, transaction, name!, role, hash).ConfigureAwait(false);
            return (id, $"user:{id}", $"allowed: created {Wire(role)}");
        }).ConfigureAwait(false);
    }

    /// <summary>The registry's users (administrators only): no password hashes.</summary>
    public Task<IReadOnlyList<UserView>> ListUsersAsync(Actor? actor, string? purpose) =>
        Read(actor, TribunalAction.UserManage, "users", purpose, async (connection, transaction) =>
        {
            IReadOnlyList<UserView> users = [.. (await connection.QueryAsync<(string Id, string Name, string Role, long Disabled, string Created)>(
                "SELECT id, name, role, disabled, created FROM users ORDER BY name", transaction: transaction).ConfigureAwait(false))
                .Select(u => new UserView(u.Id, u.Name, FromWire<Role>(u.Role, "role"), u.Disabled != 0, u.Created))];
            return (users, "users", $"allowed: {users.Count} listed");
        });

    /// <summary>
    /// Disables a user (every session ends at once, and sign-in is refused) or enables them again. The last enabled
    /// administrator cannot be disabled: no one could then manage users.
    /// </summary>
    public async Task<UserView> SetUserDisabledAsync(Actor? actor, string? purpose, string? name, bool disabled)
    {
        var user = await Run(actor, TribunalAction.UserManage, $"user-name:{name?[..Math.Min(64, name.Length)]}", purpose, async (connection, transaction) =>
        {
            var user = await connection.QuerySingleOrDefaultAsync<(string Id, string Name, string Role, long Disabled, string Created)>(
                "SELECT id, name, role, disabled, created FROM users WHERE name = @name", new { name }, transaction).ConfigureAwait(false);
            if (user.Id is null)
            {
                throw NotFound("user");
            }

            if (disabled && user.Role == Wire(Role.Administrator) && await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM users WHERE role = @role AND disabled = 0 AND id <> @id", new { role = Wire(Role.Administrator), id = user.Id }, transaction).ConfigureAwait(false) == 0)
            {
                throw new RegistryException(Refusal.Conflict, "the last enabled administrator cannot be disabled");
            }

            await connection.ExecuteAsync("UPDATE users SET disabled = @disabled WHERE id = @id", new { disabled = disabled ? 1 : 0, id = user.Id }, transaction).ConfigureAwait(false);
            var ended = disabled ? await connection.ExecuteAsync("DELETE FROM sessions WHERE user_id = @id", new { id = user.Id }, transaction).ConfigureAwait(false) : 0;
            return (new UserView(user.Id, user.Name, FromWire<Role>(user.Role, "role"), disabled, user.Created), $"user:{user.Id}",
                disabled ? $"allowed: disabled; {ended} sessions ended" : "allowed: enabled");
        }).ConfigureAwait(false);
        _sessions.Clear();
        return user;
    }

    /// <summary>
    /// Changes the signed-in user's own password, given the current one; every session of theirs ends, and a new one
    /// is returned for the caller.
    /// </summary>
    public async Task<string> ChangePasswordAsync(Actor? actor, string? purpose, string? current, string? replacement, int iterations = PasswordHashing.Iterations)
    {
        await Authorize(actor, TribunalAction.PasswordChange, "session", Why(purpose)).ConfigureAwait(false);
        if (replacement is null || replacement.Length < PasswordHashing.MinimumLength || replacement.Length > MaximumPasswordLength)
        {
            throw RegistryException.Invalid("new_password", $"a password of {PasswordHashing.MinimumLength}-{MaximumPasswordLength} characters is required");
        }

        string stored;
        await using (var connection = await _database.OpenAsync().ConfigureAwait(false))
        {
            stored = await connection.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE id = @id", new { id = actor!.UserId }).ConfigureAwait(false);
        }

        // Hashing outside the write lock, as at sign-in.
        var matches = current is not null && current.Length <= MaximumPasswordLength && await Hashing(() => PasswordHashing.Verify(current, stored)).ConfigureAwait(false);
        var hash = await Hashing(() => PasswordHashing.Hash(replacement, iterations)).ConfigureAwait(false);
        var token = NewToken();
        var changed = await Run(actor, TribunalAction.PasswordChange, $"user:{actor!.UserId}", purpose, async (connection, transaction) =>
        {
            if (!matches)
            {
                throw RegistryException.Invalid("current_password", "the current password is wrong");
            }

            await connection.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", new { hash, id = actor.UserId }, transaction).ConfigureAwait(false);
            var ended = await connection.ExecuteAsync("DELETE FROM sessions WHERE user_id = @id", new { id = actor.UserId }, transaction).ConfigureAwait(false);
            await InsertSession(connection, transaction, token, actor.UserId).ConfigureAwait(false);
            return (token, $"user:{actor.UserId}", $"allowed: {ended} sessions ended");
        }).ConfigureAwait(false);
        _sessions.Clear();
        return changed;
    }

    /// <summary>Ends the session of <paramref name="token"/> (a token that names no session ends nothing).</summary>
    public async Task SignOutAsync(string? token)
    {
        var actor = await AuthenticateAsync(token).ConfigureAwait(false);
        await _database.InTransactionAsync(async (connection, transaction) =>
        {
            var ended = actor is null ? 0 : await connection.ExecuteAsync("DELETE FROM sessions WHERE token_hash = @hash", new { hash = TokenHash(token!) }, transaction).ConfigureAwait(false);
            await Audit.AuditChain.AppendAsync(_database, connection, transaction, Now, actor?.Name ?? "anonymous", actor is null ? "none" : Wire(actor.Role), "sign_out", "session", "sign out",
                ended > 0 ? "allowed" : "no session").ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        _sessions.Clear();
    }

    private static string CheckNewUser(string? name, string? password)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsWhiteSpace))
        {
            throw RegistryException.Invalid("name", "a user name of 1-64 characters without spaces is required");
        }

        if (password is null || password.Length < PasswordHashing.MinimumLength || password.Length > MaximumPasswordLength)
        {
            throw RegistryException.Invalid("password", $"a password of {PasswordHashing.MinimumLength}-{MaximumPasswordLength} characters is required");
        }

        return password;
    }

    private async Task<string> InsertUser(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string name, Role role, string hash)
    {
        var id = Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync(
            "INSERT INTO users (id, name, role, password_hash, disabled, created) VALUES (@id, @name, @role, @hash, 0, @now)",
            new { id, name, role = Wire(role), hash, now = Now }, transaction).ConfigureAwait(false);
        return id;
    }

    /// <summary>Longest password a sign-in may send (a passphrase; anything longer is an attack on the hashing).</summary>
    public const int MaximumPasswordLength = 1024;

    /// <summary>What the audit log records as the actor of a sign-in under a name no account has.</summary>
    public const string UnknownName = "(unknown name)";

    /// <summary>
    /// Signs in from <paramref name="address"/>; returns a session token. Five failures under one name from one
    /// address lock that address out of that name for 15 minutes — whether or not an account has the name, so the
    /// lockout tells nothing about which names exist, and a stranger elsewhere cannot lock a user out. Every attempt is audited, with its
    /// address; a name no account has is audited as <see cref="UnknownName"/>, never as typed (it may be a password
    /// typed in the wrong field, or megabytes sent to fill the disk). The password is checked outside the write lock,
    /// and as long for an unknown name as for a known one (against a decoy with the installation's iterations). Past
    /// <see cref="SlowdownThreshold"/> recent failures under a name from all addresses, each attempt waits a second.
    /// </summary>
    public async Task<string> SignInAsync(string? name, string? password, string? address = null)
    {
        // Accounts are created with 1-64 characters and no spaces: anything else cannot be one.
        var plausible = !string.IsNullOrEmpty(name) && name.Length <= 64 && !name.Any(char.IsWhiteSpace) && password is not null && password.Length <= MaximumPasswordLength;
        var from = string.IsNullOrEmpty(address) ? "unknown" : address[..Math.Min(64, address.Length)];
        var nameKey = plausible ? _cipher.Index(name!) : "implausible";
        var now = _clock.GetUtcNow();
        (string? Id, string? Hash, long Disabled) user;
        string? sample;
        bool lockedOut;
        long recentFailures;
        var since = (now - LockoutPeriod).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await using (var connection = await _database.OpenAsync().ConfigureAwait(false))
        {
            recentFailures = await connection.ExecuteScalarAsync<long>(
                "SELECT COALESCE(SUM(failed), 0) FROM sign_in_failures WHERE name_key = @nameKey AND last_failed > @since", new { nameKey, since }).ConfigureAwait(false);
            user = plausible
                ? await connection.QuerySingleOrDefaultAsync<(string? Id, string? Hash, long Disabled)>("SELECT id, password_hash, disabled FROM users WHERE name = @name", new { name }).ConfigureAwait(false)
                : default;
            sample = user.Hash ?? await connection.QueryFirstOrDefaultAsync<string?>("SELECT password_hash FROM users ORDER BY created LIMIT 1").ConfigureAwait(false);
            lockedOut = IsLockedOut(await connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT locked_until FROM sign_in_failures WHERE name_key = @nameKey AND address = @from", new { nameKey, from }).ConfigureAwait(false), now);
        }

        var slowed = recentFailures >= SlowdownThreshold;
        if (slowed)
        {
            await Task.Delay(SlowdownDelay, _clock).ConfigureAwait(false);
        }

        // A locked-out attempt is not checked at all (an attacker gets no answer and costs no hashing).
        var matches = !lockedOut && await Hashing(() => PasswordHashing.Verify(plausible ? password! : string.Empty, user.Hash ?? PasswordHashing.Decoy(sample))).ConfigureAwait(false);
        var outcome = await _database.InTransactionAsync(async (connection, transaction) =>
        {
            var rows = (await connection.QueryAsync<(long Failed, string? LockedUntil)>(
                "SELECT failed, locked_until FROM sign_in_failures WHERE name_key = @nameKey AND address = @from", new { nameKey, from }, transaction).ConfigureAwait(false)).ToList();
            (long Failed, string? LockedUntil)? failures = rows.Count == 0 ? null : rows[0];
            var role = user.Id is null ? null : await connection.QuerySingleOrDefaultAsync<string?>("SELECT role FROM users WHERE id = @id", new { id = user.Id }, transaction).ConfigureAwait(false);
            string result;
            string? token = null;
            if (IsLockedOut(failures?.LockedUntil, now))
            {
                result = "denied: locked out (too many failures from this address)";
            }
            else if (role is null || !matches || user.Disabled != 0)
            {
                var failed = (failures?.LockedUntil is null ? failures?.Failed ?? 0 : 0) + 1; // a lockout that has expired starts the count again
                var lockUntil = failed >= LockoutThreshold ? (now + LockoutPeriod).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;
                await connection.ExecuteAsync(
                    failures is null
                        ? "INSERT INTO sign_in_failures (name_key, address, failed, last_failed, locked_until) VALUES (@nameKey, @from, @failed, @at, @lockUntil)"
                        : "UPDATE sign_in_failures SET failed = @failed, last_failed = @at, locked_until = @lockUntil WHERE name_key = @nameKey AND address = @from",
                    new { nameKey, from, failed, at = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture), lockUntil }, transaction).ConfigureAwait(false);
                result = (role is null ? "denied: unknown user" : user.Disabled != 0 ? "denied: account disabled" : "denied: wrong password") + (lockUntil is null ? string.Empty : "; locked out");
            }
            else
            {
                token = NewToken();
                await connection.ExecuteAsync("DELETE FROM sign_in_failures WHERE name_key = @nameKey AND address = @from", new { nameKey, from }, transaction).ConfigureAwait(false);
                await InsertSession(connection, transaction, token, user.Id!).ConfigureAwait(false);
                result = "allowed";
            }

            if (slowed)
            {
                result += $"; slowed ({recentFailures} failures under this name in {LockoutPeriod.TotalMinutes:0} minutes)";
            }

            var actor = role is null ? UnknownName : name!;
            await Audit.AuditChain.AppendAsync(_database, connection, transaction, Now, actor, role ?? "none", "sign_in", $"session from {from}", "sign in", result).ConfigureAwait(false);
            return (token, result);
        }).ConfigureAwait(false);
        return outcome.token ?? throw new RegistryException(Refusal.Unauthenticated, outcome.result.Contains("locked out", StringComparison.Ordinal)
            ? $"too many failed sign-ins under this name from your address; try again in {LockoutPeriod.TotalMinutes:0} minutes"
            : "wrong user name or password");
    }

    // Password hashing is deliberately slow (600,000 PBKDF2 iterations, about 0.3 s of a core): on half the cores at most
    // and below the cases' priority (HashingThreads), so that a crowd signing in (or an attack from many addresses) slows
    // sign-ins, not the cases.
    private static Task<T> Hashing<T>(Func<T> work) => HashingThreads.Run(work);

    private static bool IsLockedOut(string? lockedUntil, DateTimeOffset now) =>
        lockedUntil is not null && DateTimeOffset.Parse(lockedUntil, System.Globalization.CultureInfo.InvariantCulture) > now;

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private async Task InsertSession(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string token, string userId) =>
        await connection.ExecuteAsync("INSERT INTO sessions (token_hash, user_id, expires) VALUES (@hash, @id, @expires)",
            new { hash = TokenHash(token), id = userId, expires = (_clock.GetUtcNow() + SessionLength).ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, transaction).ConfigureAwait(false);

    /// <summary>The actor of a session token, or null when the token is unknown or expired.</summary>
    public async Task<Actor?> AuthenticateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = TokenHash(token);
        if (_sessions.Find(hash) is { } known)
        {
            return known;
        }

        var generation = _sessions.Generation;
        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Name, string Role, string Expires)>(
            "SELECT u.id, u.name, u.role, s.expires FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = @hash AND u.disabled = 0",
            new { hash }).ConfigureAwait(false);
        if (row.Id is null)
        {
            return null;
        }

        var expires = DateTimeOffset.Parse(row.Expires, System.Globalization.CultureInfo.InvariantCulture);
        if (expires < _clock.GetUtcNow())
        {
            return null;
        }

        var actor = new Actor(row.Id, row.Name, FromWire<Role>(row.Role, "role"));
        _sessions.Remember(hash, actor, expires, generation);
        return actor;
    }

    private static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
