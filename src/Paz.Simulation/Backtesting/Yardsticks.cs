using Paz.Simulation.Agents;

namespace Paz.Simulation.Backtesting;

/// <summary>
/// The statistical forecasts the engine must beat, each fitted only on the years up to the origin.
/// </summary>
public static class Yardsticks
{
    /// <summary>Years of history the trend is fitted on (the last five before the origin; assumed).</summary>
    public const int TrendYears = 5;

    /// <summary>Damping of the trend per year ahead (assumed; Gardner &amp; McKenzie's damped trend uses 0.8-0.98).</summary>
    public const double Damping = 0.8;

    /// <summary>Persistence: every year after the origin as the origin's year, nationally and in each state.</summary>
    public static Forecast Persistence(ObservedHomicides seen, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(years);
        var origin = seen.LastYear;
        var list = years.ToList();
        return Forecast.Point(
            "persistence",
            list.ToDictionary(y => y, _ => seen.National[origin]),
            list.ToDictionary(y => y, _ => (double[])seen.States[origin].Clone()));
    }

    /// <summary>
    /// A damped log-linear trend per state (and for the nation): ln(homicides + 1) regressed on the year over the
    /// <see cref="TrendYears"/> years to the origin (MathNet's least squares), the slope damped by
    /// <see cref="Damping"/> per year ahead: ln ŷ(o + h) = ln y(o) + b Σ_{k=1..h} φ^k, from the origin's own value.
    /// </summary>
    public static Forecast DampedTrend(ObservedHomicides seen, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(years);
        var origin = seen.LastYear;
        var window = Enumerable.Range(origin - TrendYears + 1, TrendYears).Where(seen.National.ContainsKey).ToArray();
        var list = years.ToList();
        var national = Project(window.Select(y => seen.National[y]).ToArray(), window, origin, list);
        var states = seen.States[origin].Length;
        var byState = Enumerable.Range(0, states).Select(s => Project(window.Select(y => seen.States[y][s]).ToArray(), window, origin, list)).ToArray();
        return Forecast.Point(
            "damped trend",
            list.Select((y, i) => (y, national[i])).ToDictionary(x => x.y, x => x.Item2),
            list.Select((y, i) => (y, byState.Select(s => s[i]).ToArray())).ToDictionary(x => x.y, x => x.Item2));
    }

    private static double[] Project(double[] values, int[] window, int origin, List<int> years)
    {
        var logs = values.Select(v => Math.Log(v + 1)).ToArray();
        var slope = window.Length >= 2 ? MathNet.Numerics.Fit.Line(window.Select(y => (double)y).ToArray(), logs).B : 0;
        var last = logs[^1];
        return [.. years.Select(y =>
        {
            var h = y - origin;
            var damped = Enumerable.Range(1, Math.Max(0, h)).Sum(k => Math.Pow(Damping, k));
            return Math.Max(0, Math.Exp(last + (slope * damped)) - 1);
        })];
    }
}
