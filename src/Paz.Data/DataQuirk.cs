namespace Paz.Data;

/// <summary>A known irregularity of the shipped data, handled explicitly and reported, never dropped silently.</summary>
/// <param name="Kind">A short machine-readable kind, e.g. "counts-outside-atlas".</param>
/// <param name="Code">The municipality or state code concerned.</param>
/// <param name="Handling">What Paz does about it, in words.</param>
public sealed record DataQuirk(string Kind, string Code, string Handling);
