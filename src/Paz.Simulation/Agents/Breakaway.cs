namespace Paz.Simulation.Agents;

/// <summary>
/// A recorded breakaway after the run's start: an organization of the network that was still inside another when the
/// run starts (the Zetas in the Gulf cartel until 2010) and broke away later, as the record shows.
/// </summary>
/// <param name="Group">The network group that broke away (it starts with no members).</param>
/// <param name="Parent">The group whose members it was counted among at the start.</param>
/// <param name="States">The states (atlas order) where the record first lists it: the parent's members there split.</param>
/// <param name="Year">The year the record first lists it on its own.</param>
public sealed record Breakaway(int Group, int Parent, IReadOnlyList<int> States, int Year);
