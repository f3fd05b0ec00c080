namespace Paz.Core.Territory;

/// <summary>A WGS84 position in decimal degrees.</summary>
/// <param name="Longitude">Degrees east (negative in Mexico).</param>
/// <param name="Latitude">Degrees north.</param>
public readonly record struct GeoPoint(double Longitude, double Latitude);
