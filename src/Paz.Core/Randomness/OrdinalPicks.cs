namespace Paz.Core.Randomness;

/// <summary>
/// For each key (a group, a cell), a uniformly random set of k distinct ranks among n, handed out in
/// increasing order: which of the items a pass will meet are chosen, decided before the pass, so the pass
/// compares a counter instead of drawing for every item. Floyd's algorithm draws k ranks with k draws
/// where testing every item would take n; many picks use selection sampling, one pass over the ranks.
/// </summary>
public sealed class OrdinalPicks
{
    private int[] _start;
    private int[] _end;
    private int[] _ranks = new int[256];
    private int _used;

    // Floyd's membership test is linear in the picks so far: beyond this many, one pass over the ranks is cheaper.
    private const int FloydLimit = 48;

    /// <summary>Room for keys 0 to <paramref name="keys"/> − 1.</summary>
    public OrdinalPicks(int keys)
    {
        _start = new int[keys];
        _end = new int[keys];
    }

    /// <summary>Makes room for keys 0 to <paramref name="keys"/> − 1, keeping every key's picks.</summary>
    public void Reserve(int keys)
    {
        if (keys > _start.Length)
        {
            Array.Resize(ref _start, keys);
            Array.Resize(ref _end, keys);
        }
    }

    /// <summary>Forgets every key's picks.</summary>
    public void Clear() => _used = 0;

    /// <summary>Chooses <paramref name="count"/> distinct ranks in [0, <paramref name="n"/>) for <paramref name="key"/>, uniformly; returns the smallest.</summary>
    public int Choose(int key, int count, int n, Xoshiro256StarStar random)
    {
        if (count <= 0 || count > n)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"between 1 and {n}");
        }

        if (_ranks.Length < _used + count)
        {
            Array.Resize(ref _ranks, Math.Max(_ranks.Length * 2, _used + count));
        }

        var picks = _ranks.AsSpan(_used, count);
        var taken = 0;
        if (count <= FloydLimit)
        {
            for (var j = n - count; j < n; j++)
            {
                // Floyd: a draw in [0, j] already taken is replaced by j itself, which cannot be.
                var r = random.NextInt(j + 1);
                var pick = picks[..taken].Contains(r) ? j : r;
                picks[taken++] = pick;
            }

            picks.Sort();
        }
        else
        {
            // Many picks: selection sampling, one draw per rank, takes each with the chance still needed.
            for (var j = 0; taken < count; j++)
            {
                if (random.NextDouble() * (n - j) < count - taken)
                {
                    picks[taken++] = j;
                }
            }
        }

        _start[key] = _used + 1;
        _end[key] = _used + count;
        _used += count;
        return picks[0];
    }

    /// <summary>The key's next rank after the last one handed out, or <see cref="int.MaxValue"/> when none is left.</summary>
    public int Next(int key) => _start[key] < _end[key] ? _ranks[_start[key]++] : int.MaxValue;
}
