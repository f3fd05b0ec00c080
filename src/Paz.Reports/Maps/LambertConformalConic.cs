using Paz.Core.Territory;

namespace Paz.Reports.Maps;

/// <summary>
/// Lambert conformal conic projection on a sphere, with INEGI's parameters for national maps of
/// Mexico (standard parallels 17.5° and 29.5°, central meridian -102°, origin latitude 12°), so
/// that the country has the shape Mexican readers know rather than the stretched plate carrée.
/// </summary>
public sealed class LambertConformalConic
{
    private readonly double _n;
    private readonly double _f;
    private readonly double _rho0;
    private readonly double _lambda0;

    /// <summary>Creates the projection; angles in degrees.</summary>
    public LambertConformalConic(double standardParallel1 = 17.5, double standardParallel2 = 29.5, double centralMeridian = -102, double originLatitude = 12)
    {
        var phi1 = Radians(standardParallel1);
        var phi2 = Radians(standardParallel2);
        _n = Math.Log(Math.Cos(phi1) / Math.Cos(phi2)) / Math.Log(Math.Tan(Quarter(phi2)) / Math.Tan(Quarter(phi1)));
        _f = Math.Cos(phi1) * Math.Pow(Math.Tan(Quarter(phi1)), _n) / _n;
        _rho0 = _f / Math.Pow(Math.Tan(Quarter(Radians(originLatitude))), _n);
        _lambda0 = Radians(centralMeridian);
    }

    /// <summary>Projects a position to plane coordinates (unit sphere; x east, y north).</summary>
    public (double X, double Y) Project(GeoPoint point)
    {
        var rho = _f / Math.Pow(Math.Tan(Quarter(Radians(point.Latitude))), _n);
        var theta = _n * (Radians(point.Longitude) - _lambda0);
        return (rho * Math.Sin(theta), _rho0 - (rho * Math.Cos(theta)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Quarter(double phi) => (Math.PI / 4) + (phi / 2);
}
