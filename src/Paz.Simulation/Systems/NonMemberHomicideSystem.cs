using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Homicides not tied to organizations (domestic, interpersonal), so that the engine's total — not
/// only members' deaths — is what is compared with INEGI's counts. Civilians killed in predation
/// and conflict are added by those systems.
/// Killings in a municipality ~ Poisson(baseline_rate / 100,000 / 52 · population).
/// Reads: baseline_rate.
/// </summary>
public static class NonMemberHomicideSystem
{
    /// <summary>Adds this week's baseline homicides to <paramref name="homicides"/>; returns how many.</summary>
    public static int Run(EngineInputs inputs, EngineParameters p, int year, int[] homicides, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(random);
        var killed = 0;
        var perPerson = p.BaselineRate / 100_000 / 52;
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            var n = (int)random.Poisson(perPerson * inputs.PopulationIn(m, year));
            homicides[m] += n;
            killed += n;
        }

        return killed;
    }
}
