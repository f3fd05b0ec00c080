namespace Paz.Core.Justice;

/// <summary>
/// A kind of prisoner as INEGI's census of state prisons describes them: what they are held for (the census's
/// crime group, in Spanish as published), under which courts, at which stage, and their sex; with its share of
/// a state's prisoners.
/// </summary>
/// <param name="Offence">The census's crime group, e.g. "Robo", "Narcomenudeo", "Homicidio".</param>
/// <param name="Federal">Held for a federal offence (fuero federal) rather than a state one (fuero común).</param>
/// <param name="Pretrial">Held without a sentence.</param>
/// <param name="Female">A woman.</param>
/// <param name="Share">Share of the state's prisoners of the same stage (pretrial or sentenced) of this kind.</param>
public sealed record PrisonerProfile(string Offence, bool Federal, bool Pretrial, bool Female, double Share);
