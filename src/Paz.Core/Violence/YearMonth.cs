using Paz.Core.Common;

namespace Paz.Core.Violence;

/// <summary>A calendar month.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Creates a month; <paramref name="month"/> runs from 1 to 12.</summary>
    public YearMonth(int year, int month)
    {
        Check.Require(month is >= 1 and <= 12, $"a month runs from 1 to 12, not {month}", nameof(month));
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>Months elapsed since January of year 0; differences give month counts.</summary>
    public int Ordinal => (Year * 12) + Month - 1;

    /// <summary>The month <paramref name="months"/> later (earlier if negative).</summary>
    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    /// <summary>The month with this <see cref="Ordinal"/>.</summary>
    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, (ordinal % 12) + 1);

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Orders months in time.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left.Ordinal < right.Ordinal;

    /// <summary>Orders months in time.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left.Ordinal > right.Ordinal;

    /// <summary>Orders months in time.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left.Ordinal <= right.Ordinal;

    /// <summary>Orders months in time.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left.Ordinal >= right.Ordinal;

    /// <inheritdoc />
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
