using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Recruitment from each municipality's at-risk pool.
/// Claim: "reducing cartel recruitment is the only way to lower violence" (Prieto-Curiel et al. 2023),
/// and the seed's point that young men without prospects are the groups' recruitment base.
/// Recruits in a cell ~ Poisson(recruitment · free members · pool^pool_elasticity · middle-layer strength),
/// where middle-layer strength = min(1, middle layer / (middle_share · members)): cell heads recruit, so a
/// group whose middle layer is gone regenerates slowly.
/// Reads: recruitment, pool_elasticity, middle_share.
/// </summary>
public static class RecruitmentSystem
{
    /// <summary>Adds this week's recruits to the world; returns how many.</summary>
    public static int Run(World world, EngineParameters p, double[] poolFactor, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(poolFactor);
        ArgumentNullException.ThrowIfNull(random);
        var recruits = 0;
        var cells = world.ActiveCells;
        var (rates, counts, scratch) = world.CellScratch();
        for (var k = 0; k < cells.Count; k++)
        {
            var c = cells[k];
            var g = world.CellGroup[c];
            var members = world.GroupMembers[g];
            var strength = members == 0 ? 0 : Math.Min(1, world.GroupMiddle[g] / (p.MiddleShare * members));
            rates[k] = p.Recruitment * world.Free[c] * poolFactor[world.CellPlace[c]] * strength;
        }

        // One Poisson total scattered over the cells: the same law as a Poisson draw per cell, with a few
        // hundred draws a week instead of one per cell.
        random.PoissonScatter(rates.AsSpan(0, cells.Count), counts, scratch);
        for (var k = 0; k < cells.Count; k++)
        {
            var c = cells[k];
            for (var n = 0; n < counts[k]; n++)
            {
                world.Add(world.CellGroup[c], world.CellPlace[c], random.NextDouble() < 0.6 ? Tier.Lookout : Tier.FootSoldier, (byte)(15 + random.NextInt(10)));
            }

            recruits += counts[k];
        }

        return recruits;
    }
}
