namespace Paz.Core.Parameters;

/// <summary>
/// A model parameter's declaration: every parameter in Paz has a default, a unit, a source (or the
/// word "assumed") and a range for sensitivity analysis and fitting.
/// </summary>
/// <param name="Name">Key used in scenario files.</param>
/// <param name="Default">Default value.</param>
/// <param name="Unit">Unit, in words.</param>
/// <param name="Source">Where the default comes from, or "assumed".</param>
/// <param name="Minimum">Lowest admissible value.</param>
/// <param name="Maximum">Highest admissible value.</param>
/// <param name="Description">What the parameter means.</param>
public sealed record ParameterSpec(string Name, double Default, string Unit, string Source, double Minimum, double Maximum, string Description)
{
    /// <summary>Whether <paramref name="value"/> lies within the range.</summary>
    public bool Admits(double value) => value >= Minimum && value <= Maximum && double.IsFinite(value);
}
