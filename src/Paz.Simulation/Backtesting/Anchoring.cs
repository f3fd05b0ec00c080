using Paz.Simulation.Agents;

namespace Paz.Simulation.Backtesting;

/// <summary>
/// The engine's forecast anchored at the origin: every draw of every later year multiplied by what was observed
/// in the origin's year over what the ensemble simulated for it, nationally and in each state (the delta method
/// of forecast post-processing). The raw forecast carries the fit's error at the origin into every later year;
/// anchored, the engine forecasts changes from the observed level, as persistence forecasts none, so the two
/// compare what the engine knows about the dynamics rather than how well a replay from 2007 hit the level.
/// Only the origin's year of the observations enters, as persistence reads it.
/// </summary>
public static class Anchoring
{
    /// <summary>
    /// Anchors <paramref name="engine"/> (years after the origin) by <paramref name="atOrigin"/>, the same ensemble's
    /// simulation of the origin's year. A state the ensemble left without homicides in the origin's year takes the
    /// national factor.
    /// </summary>
    public static Forecast Anchored(Forecast engine, Forecast atOrigin, ObservedHomicides seen)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(atOrigin);
        ArgumentNullException.ThrowIfNull(seen);
        var origin = seen.LastYear;
        var national = Factor(seen.National[origin], atOrigin.NationalMean(origin));
        var observedStates = seen.States[origin];
        var states = atOrigin.StateMeans(origin).Select((simulated, s) => simulated > 0 ? Factor(observedStates[s], simulated) : national).ToArray();
        return new Forecast(
            "engine, anchored",
            engine.National.ToDictionary(y => y.Key, y => y.Value.Select(x => x * national).ToArray()),
            engine.States.ToDictionary(y => y.Key, y => y.Value.Select(draw => draw.Select((x, s) => x * states[s]).ToArray()).ToArray()));
    }

    private static double Factor(double observed, double simulated) => simulated > 0 ? observed / simulated : 1;
}
