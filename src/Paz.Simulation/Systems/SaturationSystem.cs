using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Members leaving large groups: the aggregate model's saturation term ω·C², spread over a group's
/// municipalities in proportion to its members there.
/// Claim: Prieto-Curiel et al. (2023), saturation limits a cartel's size.
/// Desistances in a cell ~ Poisson(saturation · members of the group · free members in the cell).
/// Reads: saturation.
/// </summary>
public static class SaturationSystem
{
    /// <summary>Decides this week's desistances.</summary>
    public static void Run(World world, EngineParameters p, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(random);
        var cells = world.ActiveCells;
        var (rates, counts, scratch) = world.CellScratch();
        for (var k = 0; k < cells.Count; k++)
        {
            rates[k] = p.Saturation * world.GroupMembers[world.CellGroup[cells[k]]] * world.Free[cells[k]];
        }

        random.PoissonScatter(rates.AsSpan(0, cells.Count), counts, scratch);
        for (var k = 0; k < cells.Count; k++)
        {
            var c = cells[k];
            world.Desist[c] = Math.Min(counts[k], world.Free[c] - world.Deaths[c] - world.Arrests[c]);
        }
    }
}
