using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Baseline enforcement: arrests, high-value targeting, pretrial detention, sentencing and release.
/// Claims: about 110 incapacitations a week nationally (Prieto-Curiel et al. 2023, the national
/// anchor); soldiers deployed in violent areas (seed: 53,000 soldiers under Peña Nieto), so arrests
/// concentrate where last month's homicide rate was high; impunity of 93-99% (evidence.md), so most
/// detainees return to their groups; high-value targeting removed 120 of 122 designated leaders by 2018.
/// Arrests in a cell ~ Poisson(arrests_per_week · free · w_m / Σ free · w), w_m = (rate_m / national rate)^focus.
/// Leader removals and sweeps are decided by <see cref="TargetingSystem"/>.
/// Detention lasts pretrial_weeks on average; a share <c>conviction</c> is then sentenced for
/// sentence_weeks on average; the rest are released (applied in <see cref="World.ApplyEvents"/>).
/// Reads: arrests_per_week, pretrial_weeks, conviction, sentence_weeks; the policy's focus.
/// </summary>
public static class EnforcementSystem
{
    /// <summary>Decides this week's arrests.</summary>
    public static void Run(World world, EngineParameters p, Policy policy, double[] lastMonthRate, double nationalRate, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lastMonthRate);
        ArgumentNullException.ThrowIfNull(random);
        var weights = new double[world.M];
        for (var m = 0; m < world.M; m++)
        {
            weights[m] = nationalRate <= 0 ? 1 : Math.Pow(Math.Max(0.1, lastMonthRate[m] / nationalRate), policy.EnforcementFocus);
        }

        double Weight(int m) => weights[m];
        var exposure = 0.0;
        foreach (var c in world.ActiveCells)
        {
            exposure += world.Free[c] * Weight(world.CellPlace[c]);
        }

        if (exposure > 0)
        {
            var cells = world.ActiveCells;
            var (rates, counts, scratch) = world.CellScratch();
            for (var k = 0; k < cells.Count; k++)
            {
                rates[k] = p.ArrestsPerWeek * world.Free[cells[k]] * Weight(world.CellPlace[cells[k]]) / exposure;
            }

            random.PoissonScatter(rates.AsSpan(0, cells.Count), counts, scratch);
            for (var k = 0; k < cells.Count; k++)
            {
                var c = cells[k];
                world.Arrests[c] = Math.Min(counts[k], world.Free[c] - world.Deaths[c]);
            }
        }
    }
}
