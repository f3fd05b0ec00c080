using Paz.Core.Common;

namespace Paz.Core.Territory;

/// <summary>
/// INEGI's five-digit municipality code (<c>cve_mun</c>): two digits of state and three of
/// municipality, e.g. "02004" is Tijuana. Kept as text so that leading zeros survive.
/// </summary>
public readonly record struct MunicipalityCode : IComparable<MunicipalityCode>
{
    /// <summary>Creates a municipality code from its five-digit text.</summary>
    /// <exception cref="ArgumentException">The text is not five digits with a valid state part.</exception>
    public MunicipalityCode(string value)
    {
        Check.Require(IsValid(value), $"a municipality code is five digits starting with a state code 01-32, not '{value}'", nameof(value));
        Value = value;
    }

    /// <summary>The five-digit code.</summary>
    public string Value { get; }

    /// <summary>The state the municipality belongs to (its first two digits).</summary>
    public StateCode State => new(Value[..2]);

    /// <summary>Whether <paramref name="text"/> is a valid five-digit municipality code.</summary>
    public static bool IsValid(string? text)
    {
        if (text is not { Length: 5 })
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return StateCode.IsValid(text[..2]) && text[2..] != "000";
    }

    /// <inheritdoc />
    public int CompareTo(MunicipalityCode other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Orders codes as text.</summary>
    public static bool operator <(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes as text.</summary>
    public static bool operator >(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes as text.</summary>
    public static bool operator <=(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes as text.</summary>
    public static bool operator >=(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
