using System.Globalization;

namespace Paz.Core.Amnesty;

/// <summary>The type of a fact in the catalogue.</summary>
public enum FactType
{
    /// <summary>Yes or no.</summary>
    Boolean,

    /// <summary>A number (years, hours, doses).</summary>
    Number,

    /// <summary>One of a closed list of words (a category), or free text when the list is empty.</summary>
    Text,

    /// <summary>A calendar date (yyyy-MM-dd).</summary>
    Date,
}

/// <summary>One stated fact: a boolean, number, word or date.</summary>
public readonly record struct FactValue
{
    private FactValue(FactType type, bool flag, double number, string? text, DateOnly date)
    {
        Type = type;
        Flag = flag;
        Number = number;
        Text = text;
        Date = date;
    }

    /// <summary>The value's type.</summary>
    public FactType Type { get; }

    /// <summary>The value when <see cref="Type"/> is Boolean.</summary>
    public bool Flag { get; }

    /// <summary>The value when <see cref="Type"/> is Number.</summary>
    public double Number { get; }

    /// <summary>The value when <see cref="Type"/> is Text.</summary>
    public string? Text { get; }

    /// <summary>The value when <see cref="Type"/> is Date.</summary>
    public DateOnly Date { get; }

    /// <summary>A boolean fact.</summary>
    public static FactValue Of(bool value) => new(FactType.Boolean, value, 0, null, default);

    /// <summary>A numeric fact.</summary>
    public static FactValue Of(double value) => new(FactType.Number, false, value, null, default);

    /// <summary>A word or text fact.</summary>
    public static FactValue Of(string value) => new(FactType.Text, false, 0, value ?? throw new ArgumentNullException(nameof(value)), default);

    /// <summary>A date fact.</summary>
    public static FactValue Of(DateOnly value) => new(FactType.Date, false, 0, null, value);

    /// <summary>The value as a clerk would read it.</summary>
    public override string ToString() => Type switch
    {
        FactType.Boolean => Flag ? "yes" : "no",
        FactType.Number => Number.ToString("0.##", CultureInfo.InvariantCulture),
        FactType.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Text ?? string.Empty,
    };
}
