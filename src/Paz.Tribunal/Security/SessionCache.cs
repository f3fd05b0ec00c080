using System.Collections.Concurrent;

namespace Paz.Tribunal.Security;

/// <summary>
/// The sessions this process has recently found valid, so that a busy service does not open a connection and query
/// the sessions table for every request. A token is looked up in the database at most once per
/// <see cref="Freshness"/>; every change that ends sessions in this process (sign-out, a password change, an account
/// disabled) empties the cache once committed, so within the process a revoked token is refused at once. A change made
/// by another process on the same database (a second service, the command line) is seen within
/// <see cref="Freshness"/>. Only valid sessions are kept (unknown tokens are not, so guessing cannot fill memory),
/// at most <see cref="Capacity"/> of them.
/// </summary>
public sealed class SessionCache(TimeProvider clock)
{
    /// <summary>How long a session found valid is trusted without asking the database again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    /// <summary>Most sessions kept; beyond it the cache starts again empty.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (Actor Actor, DateTimeOffset Expires, DateTimeOffset Checked)> _valid = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>A token for <see cref="Remember"/>: which state of the cache a lookup started from.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The actor of <paramref name="tokenHash"/> if it was found valid within <see cref="Freshness"/> and has not expired.</summary>
    public Actor? Find(string tokenHash)
    {
        if (!_valid.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - entry.Checked < Freshness && now <= entry.Expires)
        {
            return entry.Actor;
        }

        _valid.TryRemove(tokenHash, out _);
        return null;
    }

    /// <summary>
    /// Keeps a session the database just found valid, unless sessions were ended since <paramref name="generation"/>
    /// was read (the lookup may have read the database before that change committed).
    /// </summary>
    public void Remember(string tokenHash, Actor actor, DateTimeOffset expires, long generation)
    {
        if (_valid.Count >= Capacity)
        {
            _valid.Clear();
        }

        _valid[tokenHash] = (actor, expires, clock.GetUtcNow());
        if (Generation != generation)
        {
            _valid.TryRemove(tokenHash, out _);
        }
    }

    /// <summary>Forgets every session: call after a change that ends sessions has committed.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _valid.Clear();
    }
}
