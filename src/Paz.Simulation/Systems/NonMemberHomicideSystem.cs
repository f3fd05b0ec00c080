using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Homicides not tied to organizations (domestic, interpersonal), so that the engine's total — not
/// only members' deaths — is what is compared with INEGI's counts. Civilians killed in predation
/// and conflict are added by those systems.
/// Killings in a municipality ~ Poisson(baseline_rate / 100,000 / 52 · population · f_m), where
/// f_m = (the municipality's homicide rate in the three years before the start / the national rate,
/// floored at 0.1)^baseline_history_elasticity, normalized to a population-weighted mean of 1: places
/// with more violence before 2015 keep more of it, whoever commits it. Only pre-start outcomes enter.
/// Reads: baseline_rate, baseline_history_elasticity.
/// </summary>
public static class NonMemberHomicideSystem
{
    /// <summary>Adds this week's baseline homicides to <paramref name="homicides"/>; returns how many.</summary>
    public static int Run(EngineInputs inputs, EngineParameters p, int year, int[] homicides, double[] propensity, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(propensity);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(random);
        var killed = 0;
        var perPerson = p.BaselineRate / 100_000 / 52;
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            var n = (int)random.Poisson(perPerson * inputs.PopulationIn(m, year) * propensity[m]);
            homicides[m] += n;
            killed += n;
        }

        return killed;
    }

    /// <summary>The propensity factor f_m of every municipality (see the class summary).</summary>
    public static double[] Propensity(EngineInputs inputs, EngineParameters p)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        var year = inputs.Start.Year;
        var population = Enumerable.Range(0, inputs.MunicipalityCount).Select(m => inputs.PopulationIn(m, year)).ToArray();
        var national = inputs.ViolenceHistory.Sum() / population.Sum();
        var raw = Enumerable.Range(0, inputs.MunicipalityCount)
            .Select(m => population[m] > 0 && national > 0 ? Math.Pow(Math.Max(0.1, inputs.ViolenceHistory[m] / population[m] / national), p.BaselineHistoryElasticity) : 1)
            .ToArray();
        var mean = raw.Select((f, m) => f * population[m]).Sum() / population.Sum();
        return [.. raw.Select(f => f / mean)];
    }
}
