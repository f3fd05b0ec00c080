namespace Paz.Simulation.Agents;

/// <summary>How detentions end this week, for <see cref="World.ApplyEvents"/>.</summary>
/// <param name="PretrialWeeks">Mean weeks in pretrial detention.</param>
/// <param name="Conviction">Probability that a detention ends in a conviction where <paramref name="ConvictionIn"/> is null.</param>
/// <param name="SentenceWeeks">Mean sentence in weeks.</param>
/// <param name="ConvictionIn">Per municipality, the probability that a detention ending this week ends in a conviction (the justice mechanism's signal), or null.</param>
public readonly record struct DetentionTerms(double PretrialWeeks, double Conviction, double SentenceWeeks, double[]? ConvictionIn);
