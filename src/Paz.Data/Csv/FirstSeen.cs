namespace Paz.Data.Csv;

/// <summary>
/// Remembers the line where each key was first seen, so that a duplicate is reported with both
/// lines: "expected each municipality once, found 01001 again (first at line 2)".
/// </summary>
/// <typeparam name="TKey">The key that must be unique.</typeparam>
/// <param name="what">What one key names, e.g. "municipality" or "state and year".</param>
public sealed class FirstSeen<TKey>(string what) where TKey : notnull
{
    private readonly Dictionary<TKey, int> _lines = [];

    /// <summary>Records <paramref name="key"/> at this row.</summary>
    /// <exception cref="DataFormatException">The key was seen on an earlier line.</exception>
    public void Add(CsvRow row, TKey key, string? shown = null)
    {
        if (!_lines.TryAdd(key, row.Line))
        {
            throw row.Fail($"expected each {what} once, found {shown ?? key.ToString()} again (first at line {_lines[key]})");
        }
    }
}
