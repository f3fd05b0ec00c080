namespace Paz.Simulation.Engine;

/// <summary>
/// The wars the record shows in force this week, as the conflict between groups reads them: each group's side (the
/// organization of the network it belongs to, its splinters included), each municipality's front (the state it lies in,
/// where a war was fought there), and on each front the sides each side is at war with; and the extra weight a pair at war
/// carries on top of its rivalry (<see cref="Mechanisms.RecordedWars"/>).
/// </summary>
public sealed class WarFronts
{
    /// <summary>Creates the fronts.</summary>
    /// <param name="sideOf">Per group of the world, the index of its side among the sides at war, or −1 (at war with no one).</param>
    /// <param name="frontOf">Per municipality, its front, or −1 (no war fought in its state).</param>
    /// <param name="enemies">Per front, per side, the sides it is at war with there.</param>
    /// <param name="weight">The extra weight of a pair at war, per √(member·member), as a listed rivalry's base is 1.</param>
    public WarFronts(int[] sideOf, int[] frontOf, int[][][] enemies, double weight)
    {
        SideOf = sideOf;
        FrontOf = frontOf;
        Enemies = enemies;
        Weight = weight;
    }

    /// <summary>Per group, its side's index, or −1.</summary>
    public int[] SideOf { get; }

    /// <summary>Per municipality, its front, or −1.</summary>
    public int[] FrontOf { get; }

    /// <summary>Per front, per side, the sides it is at war with there.</summary>
    public int[][][] Enemies { get; }

    /// <summary>The extra weight of a pair at war.</summary>
    public double Weight { get; }

    /// <summary>Number of sides.</summary>
    public int Sides => Enemies.Length == 0 ? 0 : Enemies[0].Length;
}
