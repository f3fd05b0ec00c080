using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Poverty and exclusion as the supply of recruits: the rival explanation (c) of the violence.
/// Claims: the plan rests on it — "attending to the root causes": youth without school or work are the
/// groups' recruits, hence scholarships and apprenticeships (seed, the plan's social pillar); Enamorado,
/// López-Calva, Rodríguez-Castelán &amp; Winkler (2016) find homicides in Mexican municipalities rising with
/// inequality, and Dell, Feigenberg &amp; Teshima (2019) with the loss of legal jobs.
/// - Where the run holds the explanation "exclusion", each municipality's pool of recruits is multiplied by
///   exp(exclusion_elasticity × marginalization), CONAPO's index of the last count before the start
///   (higher is poorer), normalized to a population-weighted mean of 1 (the signal
///   <see cref="WeekContext.ExclusionFactor"/>, read by recruitment).
/// Declares: exclusion_elasticity.
/// </summary>
public sealed class Exclusion : IMechanism
{
    /// <summary>How strongly the pool of recruits follows local marginalization.</summary>
    public static readonly ParameterSpec ExclusionElasticity = new("exclusion_elasticity", 0.5, "per unit of CONAPO's index", "assumed; fitted where the explanation 'exclusion' is held (docs/validity.md)", 0, 3, "how strongly a municipality's pool of recruits grows with its marginalization")
    { Prior = Prior.Uniform(0, 1.5) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("exclusion", "poverty and exclusion supply the groups' recruits", [ExclusionElasticity], () => new Exclusion());

    private double[]? _factor;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (!context.Settings.Holds(Explanation.Exclusion))
        {
            context.ExclusionFactor = null;
            return;
        }

        // Its parameter holds for the whole run (not switchable): computed once.
        _factor ??= Factor(context.Inputs, context.Settings[ExclusionElasticity]);

        context.ExclusionFactor = _factor;
    }

    /// <summary>exp(elasticity × marginalization) per municipality, population-weighted mean 1.</summary>
    public static double[] Factor(EngineInputs inputs, double elasticity)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var marginalization = inputs.Marginalization ?? throw new InvalidOperationException("the explanation 'exclusion' needs the municipalities' marginalization (EngineInputsBuilder loads it from data/socioeconomic)");
        return inputs.WithPopulationMeanOne([.. marginalization.Select(x => Math.Exp(elasticity * x))], inputs.Start.Year);
    }
}
