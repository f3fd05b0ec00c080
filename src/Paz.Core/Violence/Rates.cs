namespace Paz.Core.Violence;

/// <summary>Rates per 100,000 inhabitants, the unit of every homicide comparison in Paz.</summary>
public static class Rates
{
    /// <summary>
    /// Events per 100,000 inhabitants per year, or null when the population is unknown or zero
    /// (a rate on a guessed population would look precise and be wrong).
    /// </summary>
    public static double? Per100k(double events, double? population) =>
        population is > 0 ? events * 100_000.0 / population.Value : null;
}
