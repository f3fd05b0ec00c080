namespace Paz.Core.Randomness;

/// <summary>
/// The items a Poisson scatter hit, in increasing order, with their counts: what
/// <see cref="Distributions.PoissonScatter(Xoshiro256StarStar, ReadOnlySpan{double}, ScatterHits)"/> writes, so that a
/// caller visits the few items hit instead of reading a count for every item. Its buffers (the running totals of rate
/// among them) are reused from one scatter to the next.
/// </summary>
public sealed class ScatterHits
{
    private int[] _items = new int[64];
    private int[] _counts = new int[64];
    private double[] _cumulative = new double[1024];
    private double[] _uniforms = new double[256];

    /// <summary>Items hit by the last scatter.</summary>
    public int Count { get; private set; }

    /// <summary>The items hit, in increasing order.</summary>
    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>Each item's count, in the order of <see cref="Items"/>.</summary>
    public ReadOnlySpan<int> Counts => _counts.AsSpan(0, Count);

    /// <summary>Room for the running totals of <paramref name="items"/> rates, cleared of the last scatter's hits.</summary>
    internal Span<double> Begin(int items)
    {
        if (_cumulative.Length < items)
        {
            _cumulative = new double[Math.Max(items, _cumulative.Length * 2)];
        }

        Count = 0;
        return _cumulative.AsSpan(0, items);
    }

    /// <summary>Room for the positions of <paramref name="events"/> events along the running total.</summary>
    internal Span<double> Uniforms(int events)
    {
        if (_uniforms.Length < events)
        {
            _uniforms = new double[Math.Max(events, _uniforms.Length * 2)];
        }

        return _uniforms.AsSpan(0, events);
    }

    /// <summary>Counts one more event for <paramref name="item"/>, not before the last item hit.</summary>
    internal void Hit(int item)
    {
        if (Count > 0 && _items[Count - 1] == item)
        {
            _counts[Count - 1]++;
            return;
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
            Array.Resize(ref _counts, Count * 2);
        }

        _items[Count] = item;
        _counts[Count++] = 1;
    }
}
