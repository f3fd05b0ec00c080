namespace Paz.Simulation.Agents;

/// <summary>
/// A war the record shows in a year: two organizations of the network (indices), the states (atlas indices) where
/// they fought, and for each of those states the year the fighting there began (<see cref="Mechanisms.RecordedWars"/>).
/// </summary>
/// <param name="Year">The year of the record.</param>
/// <param name="A">One side's network index.</param>
/// <param name="B">The other's.</param>
/// <param name="States">The states the war was fought in, atlas indices.</param>
/// <param name="Since">Per state, the year the fighting there began (null: all in <paramref name="Year"/>).</param>
public sealed record RecordedWar(int Year, int A, int B, IReadOnlyList<int> States, IReadOnlyList<int>? Since = null)
{
    /// <summary>The year the fighting began in the <paramref name="i"/>-th of <see cref="States"/>.</summary>
    public int BeganIn(int i) => Since?[i] ?? Year;
}
