namespace Paz.Simulation.Engine;

/// <summary>
/// The wars the record shows in force this week, as the conflict between groups reads them: each group's side (the
/// organization of the network it belongs to, its splinters included), each municipality's front (the state it lies in,
/// where a war was fought there), on each front the sides each side is at war with there, and the extra weight each
/// such pair carries on top of its rivalry this week (<see cref="Mechanisms.RecordedWars"/>: war_rivalry through the
/// front's life cycle).
/// </summary>
public sealed class WarFronts
{
    /// <summary>Creates the fronts.</summary>
    /// <param name="sideOf">Per group of the world, the index of its side among the sides at war, or −1 (at war with no one).</param>
    /// <param name="frontOf">Per municipality, its front, or −1 (no war fought in its state).</param>
    /// <param name="enemies">Per front, per side, the sides it is at war with there.</param>
    /// <param name="weights">Per front, per side, per enemy in <paramref name="enemies"/>, the extra weight of the pair there, per √(member·member), as a listed rivalry's base is 1.</param>
    public WarFronts(int[] sideOf, int[] frontOf, int[][][] enemies, double[][][] weights)
    {
        SideOf = sideOf;
        FrontOf = frontOf;
        Enemies = enemies;
        Weights = weights;
    }

    /// <summary>Per group, its side's index, or −1.</summary>
    public int[] SideOf { get; }

    /// <summary>Per municipality, its front, or −1.</summary>
    public int[] FrontOf { get; }

    /// <summary>Per front, per side, the sides it is at war with there.</summary>
    public int[][][] Enemies { get; }

    /// <summary>Per front, per side, the extra weight of its pair with each of <see cref="Enemies"/> there.</summary>
    public double[][][] Weights { get; }

    /// <summary>The side of <paramref name="group"/>, or −1: at war with no one, or a splinter born after the fronts were drawn this week.</summary>
    public int SideOfGroup(int group) => group < SideOf.Length ? SideOf[group] : -1;

    /// <summary>Number of sides.</summary>
    public int Sides => Enemies.Length == 0 ? 0 : Enemies[0].Length;
}
