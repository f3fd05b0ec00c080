namespace Paz.Simulation.Engine;

/// <summary>
/// The rule of law on the ground, 0 to 1: how much of a place the state holds against extortion and diversion.
/// x civilian police and Guard officers per 1,000 inhabitants (the forces that stay; soldiers pass through) give
/// x / (x + presence_half): half-held at <see cref="Mechanisms.UniformedPresence.PresenceHalf"/>, the same
/// saturation as deterrence. The seed: legalisation reduces violence only where the state first "deliver[s]
/// effective rule of law to areas of production", and licensing needs presence to stop diversion.
/// </summary>
public static class StatePresence
{
    /// <summary>The rule-of-law share of municipality <paramref name="m"/> this week.</summary>
    public static double In(WeekContext context, int m) =>
        In(context, m, context?.Settings[Mechanisms.UniformedPresence.PresenceHalf] ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>The rule-of-law share of municipality <paramref name="m"/> this week, with presence_half read once by the caller.</summary>
    public static double In(WeekContext context, int m, double presenceHalf)
    {
        ArgumentNullException.ThrowIfNull(context);
        var officers = (context.Police?[m] ?? 0) + (context.GuardOfficers?[m] ?? 0);
        var thousands = Math.Max(1, context.Inputs.PopulationIn(m, context.Date.Year) / 1000);
        var x = officers / thousands;
        return x / (x + presenceHalf);
    }
}
