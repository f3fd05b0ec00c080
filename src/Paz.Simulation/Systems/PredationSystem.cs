using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Predation on civilians: extortion, robbery and kidnapping, and the killings that come with them.
/// Claim: "key perpetrators of homicides, extortion, and robberies are DTOs" (seed, executive summary);
/// fighting "brutal crimes" means fighting the organizations that commit them.
/// Civilian killings in a municipality ~ Poisson(predation_lethality · free members there · the group's
/// restraint under focused deterrence (<see cref="World.Restraint"/>) · crisis_violence
/// while the municipality is in a local succession crisis (<see cref="TerritorialCompetitionSystem.Plaza"/>)).
/// Guard presence deters it locally (<see cref="GuardSystem"/>).
/// Reads: predation_lethality, crisis_violence.
/// </summary>
public static class PredationSystem
{
    /// <summary>Adds this week's predation killings to <paramref name="homicides"/>; returns how many.</summary>
    /// <param name="world">The world.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="homicides">This week's homicides per municipality (predation killings are added).</param>
    /// <param name="random">The replicate's generator.</param>
    /// <param name="deterrence">Per municipality, the factor left by state presence (<see cref="MilitarySystem.Presence"/>); null: none.</param>
    public static int Run(World world, EngineParameters p, int[] homicides, Xoshiro256StarStar random, double[]? deterrence = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(random);
        var temper = world.Restraint;
        var cells = world.ActiveCells;
        var (rates, counts, scratch) = world.CellScratch();
        for (var k = 0; k < cells.Count; k++)
        {
            var c = cells[k];
            rates[k] = p.PredationLethality * world.Free[c] * temper[world.CellGroup[c]] * TerritorialCompetitionSystem.Plaza(world, p, world.CellPlace[c]) * (deterrence is null ? 1 : deterrence[world.CellPlace[c]]);
        }

        var killed = random.PoissonScatter(rates.AsSpan(0, cells.Count), counts, scratch);
        for (var k = 0; k < cells.Count; k++)
        {
            if (counts[k] > 0)
            {
                homicides[world.CellPlace[cells[k]]] += counts[k];
                world.Attribute(world.CellGroup[cells[k]], counts[k]);
            }
        }

        return killed;
    }
}
