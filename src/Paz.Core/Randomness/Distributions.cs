namespace Paz.Core.Randomness;

/// <summary>Draws from the distributions the models need, always through a seeded generator.</summary>
public static class Distributions
{
    /// <summary>
    /// A Poisson draw with mean <paramref name="lambda"/>: inversion below 30, Hörmann's transformed rejection with squeeze (PTRS, 1993) above, which stays exact and
    /// fast for the large means of group sizes (hundreds to tens of thousands).
    /// </summary>
    public static long Poisson(this Xoshiro256StarStar random, double lambda)
    {
        ArgumentNullException.ThrowIfNull(random);
        Common.Check.Require(lambda >= 0 && double.IsFinite(lambda), $"a Poisson mean must be finite and at least 0, not {lambda}", nameof(lambda));
        if (lambda == 0)
        {
            return 0;
        }

        if (lambda < 30)
        {
            // Inversion: the least k with u ≤ P(X ≤ k). Since P(X = 0) = e^(−λ) ≥ 1 − λ, any u below
            // 1 − λ is 0 without computing the exponential: the common case for the small rates of
            // a weekly tick, and exact.
            var u = random.NextDouble();
            if (u < 1 - lambda)
            {
                return 0;
            }

            var term = Math.Exp(-lambda);
            var cdf = term;
            long k = 0;
            while (u > cdf && term > 0)
            {
                k++;
                term *= lambda / k;
                cdf += term;
            }

            return k;
        }

        var slam = Math.Sqrt(lambda);
        var loglam = Math.Log(lambda);
        var b = 0.931 + (2.53 * slam);
        var a = -0.059 + (0.02483 * b);
        var invalpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a) / us) + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(invalpha) - Math.Log((a / (us * us)) + b) <= -lambda + (k * loglam) - LogFactorial(k))
            {
                return (long)k;
            }
        }
    }

    /// <summary>
    /// Independent Poisson counts with means <paramref name="rates"/>, drawn as one Poisson total spread over the items in
    /// proportion to their rates (the splitting property: the same joint distribution), one draw per event instead of one
    /// per item, which matters when most of many items get nothing. Each event goes to the first item whose running total
    /// of rate exceeds its uniform; the uniforms are drawn in order, sorted, and each finds its item by a galloping search
    /// from the last one's, so many items and few events cost one pass to total the rates. Only the items hit are written
    /// (<paramref name="hits"/>).
    /// </summary>
    /// <param name="random">The generator.</param>
    /// <param name="rates">The mean of each item's count (non-negative).</param>
    /// <param name="hits">Receives the items hit, in increasing order, and their counts.</param>
    /// <returns>The total drawn.</returns>
    public static int PoissonScatter(this Xoshiro256StarStar random, ReadOnlySpan<double> rates, ScatterHits hits)
    {
        var items = new SpanRates(rates);
        return random.PoissonScatter(rates.Length, items, hits);
    }

    /// <summary>
    /// <see cref="PoissonScatter(Xoshiro256StarStar, ReadOnlySpan{double}, ScatterHits)"/> with each item's rate computed
    /// as the running total reaches it (<see cref="IScatterRates.Rate"/>, called once per item, in order). The running
    /// total is a chain of additions, each waiting for the last: a caller that computed its rates in a loop of its own
    /// would pay for its loop and for the chain one after the other, while here the rates' reads and arithmetic overlap
    /// the chain. The draws are those of scattering the same rates from a span.
    /// </summary>
    /// <typeparam name="TRates">The items' rates (a struct, so that the call is specialized and the rate inlined).</typeparam>
    /// <param name="random">The generator.</param>
    /// <param name="count">The number of items.</param>
    /// <param name="rates">Gives the mean of each item's count (non-negative).</param>
    /// <param name="hits">Receives the items hit, in increasing order, and their counts.</param>
    /// <returns>The total drawn.</returns>
    public static int PoissonScatter<TRates>(this Xoshiro256StarStar random, int count, TRates rates, ScatterHits hits)
        where TRates : IScatterRates, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(hits);
        var cumulative = hits.Begin(count);
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += Math.Max(0, rates.Rate(i));
            cumulative[i] = total;
        }

        var n = total > 0 ? (int)random.Poisson(total) : 0;
        if (n == 0)
        {
            return 0;
        }

        var uniforms = hits.Uniforms(n);
        for (var k = 0; k < n; k++)
        {
            uniforms[k] = random.NextDouble() * total;
        }

        uniforms.Sort();
        var last = count - 1;
        var item = 0;
        foreach (var u in uniforms)
        {
            item = FirstAbove(cumulative, item, last, u);
            hits.Hit(item);
        }

        return n;
    }

    // The rates of a span, for a scatter of rates computed beforehand.
    private readonly ref struct SpanRates(ReadOnlySpan<double> rates) : IScatterRates
    {
        private readonly ReadOnlySpan<double> _rates = rates;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Rate(int item) => _rates[item];
    }

    // The first item from `from` on whose running total exceeds u, the last item when none before it does (what a walk
    // item by item while the total is at most u finds): doubling steps, then halving between the last two.
    private static int FirstAbove(ReadOnlySpan<double> cumulative, int from, int last, double u)
    {
        if (from >= last || cumulative[from] > u)
        {
            return from;
        }

        // cumulative[low] <= u throughout; the answer is in (low, high].
        int low = from, step = 1, high = from + 1;
        while (high < last && cumulative[high] <= u)
        {
            low = high;
            step <<= 1;
            high = Math.Min(last, low + step);
        }

        while (high - low > 1)
        {
            var mid = (low + high) >> 1;
            if (cumulative[mid] <= u)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    /// <summary>ln(k!) via Stirling's series, exact to double precision for k ≥ 10; a table below.</summary>
    public static double LogFactorial(double k)
    {
        if (k < 10)
        {
            var f = 1.0;
            for (var i = 2; i <= (int)k; i++)
            {
                f *= i;
            }

            return Math.Log(f);
        }

        return ((k + 0.5) * Math.Log(k)) - k + (0.5 * Math.Log(2 * Math.PI)) + (1 / (12 * k)) - (1 / (360 * k * k * k));
    }
}
