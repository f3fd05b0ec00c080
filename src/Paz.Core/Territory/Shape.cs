namespace Paz.Core.Territory;

/// <summary>
/// A simplified boundary for maps: closed rings of positions. Outer rings and holes are not
/// distinguished; renderers fill with the even-odd rule, which draws both right.
/// </summary>
/// <param name="Id">The code of the place the shape belongs to (cve_mun or cve_ent).</param>
/// <param name="Rings">Closed rings, each at least three positions.</param>
public sealed record Shape(string Id, IReadOnlyList<GeoPoint[]> Rings);
