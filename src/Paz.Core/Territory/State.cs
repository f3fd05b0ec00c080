namespace Paz.Core.Territory;

/// <summary>One of Mexico's 32 federal entities (31 states and Mexico City).</summary>
/// <param name="Code">INEGI's two-digit code.</param>
/// <param name="Name">Common name, e.g. "Michoacán".</param>
/// <param name="OfficialName">Official name, e.g. "Michoacán de Ocampo".</param>
/// <param name="Abbreviation">Short form used in tables, e.g. "MICH".</param>
public sealed record State(StateCode Code, string Name, string OfficialName, string Abbreviation);
