namespace Paz.Simulation.Tests;

/// <summary>
/// The trait that keeps whole-country ensembles out of the unit suite: a test marked
/// <c>[Trait(Suites.Name, Suites.Country)]</c> runs several seeds of the real atlas for years (minutes each), so it is a
/// validation run by <c>dotnet test tests/Paz.Simulation.Tests --filter Suite=Country</c> (docs/validity.md, "The
/// country suite") rather than by <c>.ci/run</c>, which filters it out to stay within its time budget.
/// </summary>
internal static class Suites
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Suite";

    /// <summary>Whole-country mechanism checks of a minute or more.</summary>
    public const string Country = "Country";
}
