namespace Paz.Core.Violence;

/// <summary>
/// National yearly homicides, missing persons and arrests as used to fit the Prieto-Curiel,
/// Campedelli &amp; Hope (2023) model of cartel size and recruitment.
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Homicides">Homicides in the year.</param>
/// <param name="MissingPersons">People reported missing in the year.</param>
/// <param name="Arrests">Arrests in the year.</param>
public sealed record NationalFlowYear(int Year, int Homicides, int MissingPersons, int Arrests);
