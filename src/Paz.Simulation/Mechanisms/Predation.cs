using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Predation on civilians: extortion, robbery and kidnapping, and the killings that come with them.
/// Claim: "key perpetrators of homicides, extortion, and robberies are DTOs" (seed, executive summary);
/// fighting "brutal crimes" means fighting the organizations that commit them.
/// Civilian killings in a municipality ~ Poisson(predation_lethality · free members there · the group's
/// restraint (<see cref="WeekContext.Restraint"/>) · the crisis multiplier (<see cref="WeekContext.CrisisMultiplier"/>)
/// · what uniformed presence leaves of it (<see cref="WeekContext.Deterrence"/>)).
/// Declares: predation_lethality. Metric: predation_killings (national and municipal).
/// </summary>
public sealed class Predation : IMechanism
{
    /// <summary>Civilian homicides per member per week from predation.</summary>
    public static readonly ParameterSpec Lethality = new("predation_lethality", 1.2e-3, "civilian homicides per member per week", "assumed; calibrated", 0, 1e-2, "killings in extortion, robbery and kidnapping")
    { Prior = Prior.LogUniform(1e-4, 5e-3), Fitted = true };

    /// <summary>Civilians killed in predation.</summary>
    public static readonly MetricSpec Killings = new("predation_killings", "people", MetricAggregation.Sum, "civilians killed in extortion, robbery and kidnapping");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("predation", "organizations commit the brutal crimes: extortion, robbery, kidnapping", [Lethality], () => new Predation());

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var lethality = context.Settings[Lethality];
        var temper = context.Restraint;
        var crisis = context.CrisisMultiplier;
        var deterrence = context.Deterrence;
        var homicides = context.Homicides;
        var cells = world.ActiveSpan;
        var rates = new Rates(cells, world.Free, world.CellGroup, world.CellPlace, lethality, temper, crisis, deterrence);
        var hits = world.CellHits;
        var killed = context.Random.PoissonScatter(cells.Length, rates, hits);
        for (var h = 0; h < hits.Count; h++)
        {
            var (c, n) = (cells[hits.Items[h]], hits.Counts[h]);
            homicides[world.CellPlace[c]] += n;
            world.Attribute(world.CellGroup[c], n);
            context.Metrics.Record(Killings, MetricLevel.Municipality, world.CellPlace[c], n);
        }

        context.Metrics.Record(Killings, killed);
    }

    // A cell's killings in the week, computed as the scatter totals them.
    private readonly ref struct Rates(ReadOnlySpan<int> cells, int[] free, short[] group, short[] place, double lethality, double[] temper, double[]? crisis, double[]? deterrence) : IScatterRates
    {
        private readonly ReadOnlySpan<int> _cells = cells;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Rate(int item)
        {
            var c = _cells[item];
            return lethality * free[c] * temper[group[c]] * (crisis?[place[c]] ?? 1) * (deterrence is null ? 1 : deterrence[place[c]]);
        }
    }
}
