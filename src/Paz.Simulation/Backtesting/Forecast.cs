using Paz.Simulation.Agents;

namespace Paz.Simulation.Backtesting;

/// <summary>
/// A forecast of yearly homicides after an origin, nationally and by state: the ensemble's draws, or one
/// value per year for a point forecast (a yardstick).
/// </summary>
/// <param name="Name">Who made it (the engine, a yardstick).</param>
/// <param name="National">Draws of national homicides by year (one draw for a point forecast).</param>
/// <param name="States">Draws of each state's homicides by year: [year][draw][state].</param>
public sealed record Forecast(string Name, IReadOnlyDictionary<int, double[]> National, IReadOnlyDictionary<int, double[][]> States)
{
    /// <summary>A point forecast: one value per year and state.</summary>
    public static Forecast Point(string name, IReadOnlyDictionary<int, double> national, IReadOnlyDictionary<int, double[]> states)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(states);
        return new Forecast(name, national.ToDictionary(x => x.Key, x => new[] { x.Value }), states.ToDictionary(x => x.Key, x => new[] { x.Value }));
    }

    /// <summary>An ensemble's national and state homicides in <paramref name="years"/>, one draw per replicate.</summary>
    public static Forecast Of(string name, IReadOnlyList<ReplicateResult> runs, EngineInputs inputs, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        return new Forecast(
            name,
            list.ToDictionary(y => y, y => runs.Select(r => (double)r.Homicides(y)).ToArray()),
            list.ToDictionary(y => y, y => runs.Select(r => inputs.SumByState(m => r.Homicides(m, y))).ToArray()));
    }

    /// <summary>One forecast holding every draw of <paramref name="parts"/>, in order (their years must agree).</summary>
    public static Forecast Pool(string name, IReadOnlyList<Forecast> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Core.Common.Check.Require(parts.Count > 0 && parts.All(p => p.National.Keys.Order().SequenceEqual(parts[0].National.Keys.Order())), "forecasts of the same years");
        return parts.Count == 1
            ? parts[0] with { Name = name }
            : new Forecast(
                name,
                parts[0].National.Keys.ToDictionary(y => y, y => parts.SelectMany(p => p.National[y]).ToArray()),
                parts[0].States.Keys.ToDictionary(y => y, y => parts.SelectMany(p => p.States[y]).ToArray()));
    }

    /// <summary>The years forecast, in order.</summary>
    public IEnumerable<int> Years => National.Keys.Order();

    /// <summary>The mean national forecast of a year.</summary>
    public double NationalMean(int year) => National[year].Average();

    /// <summary>The mean forecast of each state in a year.</summary>
    public double[] StateMeans(int year)
    {
        var draws = States[year];
        var means = new double[draws[0].Length];
        foreach (var draw in draws)
        {
            for (var s = 0; s < means.Length; s++)
            {
                means[s] += draw[s] / draws.Length;
            }
        }

        return means;
    }
}
