using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Homicides not tied to organizations (domestic, interpersonal), so that the engine's total — not
/// only members' deaths — is what is compared with INEGI's counts. Civilians killed in predation
/// and conflict are added by those mechanisms.
/// Killings in a municipality ~ Poisson(baseline_rate / 100,000 / 52 · population · f_m), where
/// f_m = (the municipality's homicide rate in the three years before the start / the national rate,
/// floored at 0.1)^baseline_history_elasticity, normalized to a population-weighted mean of 1: places
/// with more violence before 2015 keep more of it, whoever commits it. Only pre-start outcomes enter.
/// Where a Peacebuilding Council sits, the share of these disputes it defuses (<see cref="WeekContext.DisputeMediation"/>)
/// is thinned out of them on the mechanism's own stream (disputes_mediated, nationally and by state) and does not kill.
/// Declares: baseline_rate, baseline_history_elasticity.
/// </summary>
public sealed class NonMemberHomicides : IMechanism
{
    /// <summary>Homicides per 100,000 inhabitants per year not tied to organizations.</summary>
    public static readonly ParameterSpec BaselineRate = new("baseline_rate", 4, "homicides per 100,000 per year", "assumed; calibrated (Mexico's rate was 8-10 before 2007)", 0, 12, "homicides not tied to organizations")
    { Prior = Prior.Uniform(0, 12), Fitted = true };

    /// <summary>How strongly those homicides follow a municipality's own rate before the start.</summary>
    public static readonly ParameterSpec HistoryElasticity = new("baseline_history_elasticity", 0, "dimensionless", "assumed; calibrated", 0, 1.5, "how far non-organized homicides follow the local rate before the start")
    { Prior = Prior.Uniform(0, 1.5) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("non_member_homicides", "homicides not tied to organizations, where they were before", [BaselineRate, HistoryElasticity], () => new NonMemberHomicides());

    private double[] _propensity = [];
    private Xoshiro256StarStar _mediation = new(0);
    private double[] _mediatedByState = [];

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        _propensity = Propensity(context.Inputs, context.Settings[HistoryElasticity]);
        _mediation = context.Random.Split();
        _mediatedByState = new double[context.Inputs.States];
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var inputs = context.Inputs;
        var year = context.Date.Year;
        var perPerson = context.Settings[BaselineRate] / 100_000 / 52;
        var mediation = context.DisputeMediation;
        double mediated = 0;
        Array.Clear(_mediatedByState);
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            var n = (int)context.Random.Poisson(perPerson * inputs.PopulationIn(m, year) * _propensity[m]);
            if (mediation is not null && mediation[m] > 0)
            {
                // Each would-be killing is defused with the council's share, drawn on this mechanism's own stream: the
                // main stream, and so everything else this week, is the same with councils as without.
                var defused = 0;
                for (var k = 0; k < n; k++)
                {
                    defused += _mediation.NextDouble() < mediation[m] ? 1 : 0;
                }

                mediated += defused;
                _mediatedByState[inputs.StateOf[m]] += defused;
                n -= defused;
            }

            context.Homicides[m] += n;
        }

        if (mediation is not null)
        {
            context.Metrics.Record(Councils.Mediated, mediated);
            context.Metrics.RecordAll(Councils.Mediated, MetricLevel.State, _mediatedByState);
        }
    }

    /// <summary>The propensity factor f_m of every municipality (see the class summary).</summary>
    public static double[] Propensity(EngineInputs inputs, double elasticity)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var year = inputs.Start.Year;
        var population = Enumerable.Range(0, inputs.MunicipalityCount).Select(m => inputs.PopulationIn(m, year)).ToArray();
        var national = inputs.ViolenceHistory.Sum() / population.Sum();
        var raw = Enumerable.Range(0, inputs.MunicipalityCount)
            .Select(m => population[m] > 0 && national > 0 ? Math.Pow(Math.Max(0.1, inputs.ViolenceHistory[m] / population[m] / national), elasticity) : 1)
            .ToArray();
        var mean = raw.Select((f, m) => f * population[m]).Sum() / population.Sum();
        return [.. raw.Select(f => f / mean)];
    }
}
