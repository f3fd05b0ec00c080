namespace Paz.Data;

/// <summary>
/// Irregularities that data/PROVENANCE.md lists and that loaders therefore accept. Anything not
/// listed here is an error: a new unknown code in a new data release must be looked at by a person.
/// </summary>
public static class KnownQuirks
{
    /// <summary>
    /// Municipality codes with homicide rows but no place in the 2020 atlas (PROVENANCE.md: "Municipality
    /// 02007 appears with no polygon in the atlas"). Their counts stay in national and state totals; no
    /// rate or map is computed for them.
    /// </summary>
    public static readonly IReadOnlySet<string> CodesOutsideAtlas = new HashSet<string>(StringComparer.Ordinal) { "02007" };
}
