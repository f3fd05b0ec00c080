namespace Paz.Core.Territory;

/// <summary>A municipality (municipio, or alcaldía in Mexico City) of INEGI's 2020 framework.</summary>
/// <param name="Code">Five-digit INEGI code.</param>
/// <param name="Name">Name as INEGI writes it.</param>
/// <param name="Population">Census counts and the interpolation rule.</param>
/// <param name="Seat">Position of the municipal seat (cabecera).</param>
/// <param name="AreaKm2">Area of the simplified polygon, km².</param>
/// <param name="MetroArea">CONAPO 2015 metropolitan zone, or null when none.</param>
/// <param name="MaleShare">Share of men in the 2020 census population, or null when unknown.</param>
public sealed record Municipality(
    MunicipalityCode Code,
    string Name,
    CensusPopulation Population,
    GeoPoint Seat,
    double AreaKm2,
    string? MetroArea,
    double? MaleShare = null)
{
    /// <summary>The state the municipality belongs to.</summary>
    public StateCode State => Code.State;
}
