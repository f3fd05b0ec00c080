using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// The value of the plaza: the rival explanation (b) of the violence.
/// Claims: groups fight over, and expand toward, the markets worth most — the local drug retail and the legal
/// economies they extort grow with a place's people and income (Guerrero 2011 on the diversification into
/// extortion; Ríos 2013 on competition over markets); the seed counts extortion of legal economies among the
/// groups' businesses. Routes, border crossings and production areas would belong here too, but no
/// municipal data on them before 2019 was found (data/socioeconomic, data/drugs PROVENANCE.md).
/// - Value of a municipality: V = population × exp(−marginalization), CONAPO's index of the last count before
///   the start (higher is poorer), normalized to a population-weighted mean of 1.
/// - Where the run holds the explanation "market", conflict between groups in a municipality is multiplied by
///   V^market_elasticity, and an expanding cell chooses a neighbour in proportion to its violence before the
///   start (+1) times V^market_elasticity (the signal <see cref="WeekContext.PlazaValue"/>).
/// Declares: market_elasticity.
/// </summary>
public sealed class MarketValue : IMechanism
{
    /// <summary>How strongly conflict and expansion follow the value of the market.</summary>
    public static readonly ParameterSpec MarketElasticity = new("market_elasticity", 0.5, "dimensionless", "assumed; fitted where the explanation 'market' is held (docs/validity.md)", 0, 3, "how strongly conflict and expansion follow a municipality's market value (people × income)")
    { Prior = Prior.Uniform(0, 1.5) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("market_value", "groups fight over and expand toward the markets worth most", [MarketElasticity], () => new MarketValue());

    private double[]? _value;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (!context.Settings.Holds(Explanation.Market))
        {
            context.PlazaValue = null;
            return;
        }

        // Its parameter holds for the whole run (not switchable): computed once.
        _value ??= Value(context.Inputs, context.Settings[MarketElasticity]);

        context.PlazaValue = _value;
    }

    /// <summary>V^elasticity per municipality, V = population × exp(−marginalization), population-weighted mean 1.</summary>
    public static double[] Value(EngineInputs inputs, double elasticity)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var marginalization = inputs.Marginalization ?? throw new InvalidOperationException("the explanation 'market' needs the municipalities' marginalization (EngineInputsBuilder loads it from data/socioeconomic)");
        var year = inputs.Start.Year;
        var raw = Enumerable.Range(0, inputs.MunicipalityCount)
            .Select(m => Math.Pow(Math.Max(inputs.PopulationIn(m, year), 1) * Math.Exp(-marginalization[m]), elasticity)).ToArray();
        return inputs.WithPopulationMeanOne(raw, year);
    }
}
