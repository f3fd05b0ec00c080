using System.Globalization;

namespace Paz.Data.Csv;

/// <summary>
/// One data row of a <see cref="CsvFile"/>. Every accessor names the column and the line when a
/// field is not what it should be.
/// </summary>
public readonly struct CsvRow
{
    private readonly CsvFile _file;
    private readonly List<CsvField> _fields;

    internal CsvRow(CsvFile file, int line, List<CsvField> fields)
    {
        _file = file;
        Line = line;
        _fields = fields;
    }

    /// <summary>The 1-based line the row starts on.</summary>
    public int Line { get; }

    /// <summary>The raw text of a field (empty for a missing value).</summary>
    public ReadOnlySpan<char> Span(int column) => _file.Raw(_fields[column]);

    /// <summary>A field as text; fails on an empty field.</summary>
    public string Text(int column)
    {
        var s = _file.Text(_fields[column]);
        return s.Length > 0 ? s : throw Fail(column, "a value", s);
    }

    /// <summary>A field as text, or null when empty.</summary>
    public string? OptionalText(int column)
    {
        var s = _file.Text(_fields[column]);
        return s.Length > 0 ? s : null;
    }

    /// <summary>A whole number of at least zero (a count).</summary>
    public int Count(int column) => OptionalCount(column) ?? throw Fail(column, "a whole number of at least 0", string.Empty);

    /// <summary>A whole number of at least zero, or null when the field is empty.</summary>
    public int? OptionalCount(int column)
    {
        var raw = Span(column);
        if (raw.IsEmpty)
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Fail(column, "a whole number of at least 0", raw.ToString());
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int WholeNumber(int column, int min, int max)
    {
        var raw = Span(column);
        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw Fail(column, $"a whole number from {min} to {max}", raw.ToString());
    }

    /// <summary>A decimal number (point as separator), or null when the field is empty.</summary>
    public double? OptionalNumber(int column, double min = double.MinValue, double max = double.MaxValue)
    {
        var raw = Span(column);
        if (raw.IsEmpty)
        {
            return null;
        }

        var range = min == double.MinValue && max == double.MaxValue ? string.Empty : $" from {min} to {max}";
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= min && v <= max
            ? v
            : throw Fail(column, $"a number{range}", raw.ToString());
    }

    /// <summary>A decimal number within the range; fails on an empty field.</summary>
    public double Number(int column, double min = double.MinValue, double max = double.MaxValue) =>
        OptionalNumber(column, min, max) ?? throw Fail(column, "a number", string.Empty);

    /// <summary>An error at this row for the given column.</summary>
    public DataFormatException Fail(int column, string expected, string found) =>
        new(_file.Path, Line, $"column '{_file.Header[column]}': expected {expected}, found '{found}'");

    /// <summary>An error at this row.</summary>
    public DataFormatException Fail(string expectation) => new(_file.Path, Line, expectation);
}
