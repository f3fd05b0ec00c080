namespace Paz.Core.Randomness;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna 2018), seeded through SplitMix64. Paz ships its
/// own generator because <see cref="System.Random"/>'s stream is not promised to stay the same
/// across .NET versions, and "same scenario + seed = same result" must survive upgrades.
/// Not thread-safe: give each replicate its own instance (see <see cref="Split"/>).
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator: the four state words come from SplitMix64 over <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Sets the raw state (for reference test vectors); the state must not be all zero.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        Common.Check.Require((s0 | s1 | s2 | s3) != 0, "xoshiro256** state cannot be all zero");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        Common.Check.Require(bound > 0, "bound must be positive");
        var threshold = unchecked(0UL - (ulong)bound) % (ulong)bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), (ulong)bound, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>
    /// A new, independent generator derived from this one's next output: how replicate
    /// <c>k</c> of an ensemble gets its own stream regardless of thread scheduling.
    /// </summary>
    public Xoshiro256StarStar Split() => new(NextUInt64());

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
