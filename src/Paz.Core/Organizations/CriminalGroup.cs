namespace Paz.Core.Organizations;

/// <summary>A criminal group of the BACRIM 2020 network (CIDE-PPD), as named there.</summary>
/// <param name="Node">The node id, e.g. "N10025".</param>
/// <param name="Name">The group's name, e.g. "Cártel Jalisco Nueva Generación (CJNG)".</param>
/// <param name="MainState">The state where it mainly operates, by name.</param>
/// <param name="ShortName">A short label, e.g. "CJNG".</param>
public sealed record CriminalGroup(string Node, string Name, string MainState, string ShortName);
