using System.Collections.Frozen;
using Paz.Core.Common;

namespace Paz.Core.Violence;

/// <summary>
/// Counts per place and month over a contiguous range of months, stored densely (place-major)
/// so that a place's series is one contiguous span. Months without a row are zero only where the
/// source says so; a place with no rows at all is simply not in <see cref="Places"/>.
/// </summary>
/// <typeparam name="TPlace">The place key: a municipality or state code.</typeparam>
public sealed class MonthlySeries<TPlace> where TPlace : notnull
{
    private readonly int[] _counts;
    private readonly FrozenDictionary<TPlace, int> _index;

    /// <summary>Creates a series; <paramref name="counts"/> is place-major, <c>places × months</c> long, all non-negative.</summary>
    public MonthlySeries(IReadOnlyList<TPlace> places, YearMonth first, int months, int[] counts)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(counts);
        Check.Require(months > 0, "a series needs at least one month");
        Check.Require(counts.Length == checked(places.Count * months), "counts must hold one value per place and month");
        Check.Require(Array.TrueForAll(counts, c => c >= 0), "counts cannot be negative");
        Places = places;
        First = first;
        Months = months;
        _counts = counts;
        _index = places.Select((p, i) => (p, i)).ToFrozenDictionary(x => x.p, x => x.i);
        Check.Require(_index.Count == places.Count, "a place appears twice");
    }

    /// <summary>The places with data, in the order of the counts.</summary>
    public IReadOnlyList<TPlace> Places { get; }

    /// <summary>The first month.</summary>
    public YearMonth First { get; }

    /// <summary>How many months the series spans.</summary>
    public int Months { get; }

    /// <summary>The last month.</summary>
    public YearMonth Last => First.AddMonths(Months - 1);

    /// <summary>The calendar years the series covers, whole or in part.</summary>
    public IEnumerable<int> Years => Enumerable.Range(First.Year, Last.Year - First.Year + 1);

    /// <summary>Whether the place has data.</summary>
    public bool Contains(TPlace place) => _index.ContainsKey(place);

    /// <summary>The whole monthly series of one place.</summary>
    public ReadOnlySpan<int> Of(TPlace place) =>
        _index.TryGetValue(place, out var i) ? _counts.AsSpan(i * Months, Months) : throw new KeyNotFoundException($"no series for {place}");

    /// <summary>The count of one place in one month.</summary>
    public int this[TPlace place, YearMonth month] => Of(place)[MonthIndex(month)];

    /// <summary>A place's total over a calendar year (the months the series has of it).</summary>
    public int YearTotal(TPlace place, int year)
    {
        var series = Of(place);
        var (from, to) = YearRange(year);
        var total = 0;
        for (var t = from; t < to; t++)
        {
            total += series[t];
        }

        return total;
    }

    /// <summary>The total of every place over a calendar year.</summary>
    public long YearTotal(int year)
    {
        var (from, to) = YearRange(year);
        long total = 0;
        for (var p = 0; p < Places.Count; p++)
        {
            var series = _counts.AsSpan(p * Months, Months);
            for (var t = from; t < to; t++)
            {
                total += series[t];
            }
        }

        return total;
    }

    private int MonthIndex(YearMonth month)
    {
        var i = month.Ordinal - First.Ordinal;
        return i >= 0 && i < Months ? i : throw new ArgumentOutOfRangeException(nameof(month), month, $"the series runs {First} to {Last}");
    }

    private (int From, int To) YearRange(int year)
    {
        var from = Math.Clamp(new YearMonth(year, 1).Ordinal - First.Ordinal, 0, Months);
        var to = Math.Clamp(new YearMonth(year, 12).Ordinal - First.Ordinal + 1, 0, Months);
        return (from, to);
    }
}
