using System.Globalization;
using Paz.Core.Parameters;

namespace Paz.Simulation.Engine;

/// <summary>
/// The values of every declared parameter and lever (<see cref="Declarations.All"/>), immutable: a change
/// makes a copy. Numbers, whole numbers, flags (0/1), choices (the word's index), sets of choices (a bit
/// mask) and months (year · 12 + month − 1) are held as numbers; lists of names beside them.
/// </summary>
public sealed class Settings
{
    private readonly double[] _values;
    private readonly IReadOnlyList<string>?[] _names;

    private Settings(double[] values, IReadOnlyList<string>?[] names)
    {
        _values = values;
        _names = names;
    }

    /// <summary>Every parameter and lever at its declared default.</summary>
    public static Settings Defaults { get; } = new(
        [.. Declarations.All.Select(s => s.Default)],
        new IReadOnlyList<string>?[Declarations.All.Count]);

    /// <summary>The value of <paramref name="spec"/> as a number.</summary>
    public double this[ParameterSpec spec] => _values[Declarations.IndexOf(spec.Name)];

    /// <summary>The value of the parameter or lever named <paramref name="name"/> as a number.</summary>
    public double Get(string name) => _values[Declarations.IndexOf(name)];

    /// <summary>A whole-number value (rounded).</summary>
    public int Whole(ParameterSpec spec) => (int)Math.Round(this[spec]);

    /// <summary>A flag's value.</summary>
    public bool Flag(ParameterSpec spec) => this[spec] != 0;

    /// <summary>A choice's value as the enum whose members are in the order of the spec's words.</summary>
    public T Choice<T>(ParameterSpec spec)
        where T : struct, Enum => (T)Enum.ToObject(typeof(T), (int)this[spec]);

    /// <summary>A month's value, or null when unset.</summary>
    public DateOnly? Month(ParameterSpec spec)
    {
        var ordinal = (int)this[spec];
        return ordinal <= 0 ? null : new DateOnly(ordinal / 12, (ordinal % 12) + 1, 1);
    }

    /// <summary>A list of names (empty when unset).</summary>
    public IReadOnlyList<string> Names(ParameterSpec spec) => _names[Declarations.IndexOf(spec.Name)] ?? [];

    /// <summary>A copy with one value set (whole numbers are rounded, as a scenario's are).</summary>
    public Settings With(string name, double value)
    {
        var i = Declarations.IndexOf(name);
        var values = (double[])_values.Clone();
        values[i] = Declarations.All[i].Kind == ValueKind.Whole ? Math.Round(value) : value;
        return new Settings(values, _names);
    }

    /// <summary>A copy with one value set.</summary>
    public Settings With(ParameterSpec spec, double value) => With(spec.Name, value);

    /// <summary>A copy with a flag set.</summary>
    public Settings With(ParameterSpec spec, bool value) => With(spec.Name, value ? 1 : 0);

    /// <summary>A copy with a choice set.</summary>
    public Settings With<T>(ParameterSpec spec, T value)
        where T : struct, Enum => With(spec.Name, Convert.ToDouble(value, CultureInfo.InvariantCulture));

    /// <summary>A copy with a month set.</summary>
    public Settings With(ParameterSpec spec, DateOnly? month) => With(spec.Name, month is { } m ? (m.Year * 12) + m.Month - 1 : 0);

    /// <summary>A copy with a list of names set.</summary>
    public Settings With(ParameterSpec spec, IReadOnlyList<string> names)
    {
        var i = Declarations.IndexOf(spec.Name);
        var copy = (IReadOnlyList<string>?[])_names.Clone();
        copy[i] = [.. names];
        return new Settings(_values, copy);
    }

    /// <summary>Whether the two hold the same value of <paramref name="spec"/>.</summary>
    public bool SameAs(Settings other, ParameterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(other);
        var i = Declarations.IndexOf(spec.Name);
        return _values[i].Equals(other._values[i]) && (_names[i] ?? []).SequenceEqual(other._names[i] ?? []);
    }
}
