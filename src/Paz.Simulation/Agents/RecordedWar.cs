namespace Paz.Simulation.Agents;

/// <summary>
/// A war the record shows in a year: two organizations of the network (indices) and the states (atlas indices) where
/// they fought (<see cref="Mechanisms.RecordedWars"/>).
/// </summary>
public sealed record RecordedWar(int Year, int A, int B, IReadOnlyList<int> States);
