using Paz.Core.Common;

namespace Paz.Core.Territory;

/// <summary>
/// INEGI's two-digit state code (<c>cve_ent</c>), "01" (Aguascalientes) to "32" (Zacatecas).
/// Kept as text so that leading zeros survive every round trip.
/// </summary>
public readonly record struct StateCode : IComparable<StateCode>
{
    /// <summary>Creates a state code from its two-digit text.</summary>
    /// <exception cref="ArgumentException">The text is not two digits from 01 to 32.</exception>
    public StateCode(string value)
    {
        Check.Require(IsValid(value), $"a state code is two digits from 01 to 32, not '{value}'", nameof(value));
        Value = value;
    }

    /// <summary>The two-digit code.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="text"/> is a valid two-digit state code.</summary>
    public static bool IsValid(string? text) =>
        text is { Length: 2 } && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1])
        && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 32;

    /// <inheritdoc />
    public int CompareTo(StateCode other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Orders codes as text.</summary>
    public static bool operator <(StateCode left, StateCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes as text.</summary>
    public static bool operator >(StateCode left, StateCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes as text.</summary>
    public static bool operator <=(StateCode left, StateCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes as text.</summary>
    public static bool operator >=(StateCode left, StateCode right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
