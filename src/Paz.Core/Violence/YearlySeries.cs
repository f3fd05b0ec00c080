using System.Collections.Frozen;

namespace Paz.Core.Violence;

/// <summary>Counts per place and year, as published in yearly tables.</summary>
/// <typeparam name="TPlace">The place key: a municipality or state code.</typeparam>
public sealed class YearlySeries<TPlace> where TPlace : notnull
{
    private readonly FrozenDictionary<(TPlace Place, int Year), int> _counts;

    /// <summary>Creates a series from (place, year, count) rows; a (place, year) pair may appear once.</summary>
    public YearlySeries(IEnumerable<(TPlace Place, int Year, int Count)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new Dictionary<(TPlace, int), int>();
        foreach (var (place, year, count) in rows)
        {
            Common.Check.Require(count >= 0, $"count for {place} in {year} cannot be negative");
            Common.Check.Require(counts.TryAdd((place, year), count), $"{place} in {year} appears twice");
        }

        _counts = counts.ToFrozenDictionary();
        Places = [.. counts.Keys.Select(k => k.Item1).Distinct()];
        Years = [.. counts.Keys.Select(k => k.Item2).Distinct().Order()];
    }

    /// <summary>The places with data.</summary>
    public IReadOnlyList<TPlace> Places { get; }

    /// <summary>The years with data, in order.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The count of a place in a year, or null when the table has no such row.</summary>
    public int? this[TPlace place, int year] => _counts.TryGetValue((place, year), out var c) ? c : null;

    /// <summary>The total of all places in a year.</summary>
    public long YearTotal(int year) => _counts.Where(kv => kv.Key.Year == year).Sum(kv => (long)kv.Value);
}
