using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Expansion into neighbouring municipalities.
/// Claim: violence diffuses in space (Osorio 2015); groups push toward valuable plazas and routes.
/// Each week a group's cell with at least 2 · expansion_cell members opens a neighbouring municipality
/// with probability <c>expansion</c>, sending <c>expansion_cell</c> members; the neighbour is drawn in
/// proportion to its homicides before the start (+1), a proxy for valuable plazas and routes, times its market
/// value where the run holds the explanation "market" (<see cref="WeekContext.PlazaValue"/>).
/// Declares: expansion, expansion_cell. Metric: places_opened.
/// </summary>
public sealed class Expansion : IMechanism
{
    /// <summary>Probability per week that a group's cell opens a neighbouring place.</summary>
    public static readonly ParameterSpec Chance = new("expansion", 2e-3, "per week per occupied place", "assumed; calibrated", 0, 0.05, "probability of opening a neighbouring place")
    { Prior = Prior.Uniform(0, 0.05), Fitted = true };

    /// <summary>Members sent to open a new place.</summary>
    public static readonly ParameterSpec Cell = new("expansion_cell", 8, "members", "assumed", 1, 50, "members sent to open a place")
    { Kind = ValueKind.Whole };

    /// <summary>Places opened in neighbouring municipalities.</summary>
    public static readonly MetricSpec PlacesOpened = new("places_opened", "cells", MetricAggregation.Sum, "cells sent to open a neighbouring municipality");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("expansion", "violence diffuses in space toward valuable plazas", [Chance, Cell], () => new Expansion());

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var inputs = context.Inputs;
        var random = context.Random;
        var cellSize = context.Settings.Whole(Cell);
        var chance = context.Settings[Chance];
        var value = context.PlazaValue;
        var opened = 0;
        foreach (var c in world.ActiveSpan)
        {
            if (world.Free[c] < 2 * cellSize || random.NextDouble() >= chance)
            {
                continue;
            }

            var neighbours = inputs.Neighbours[world.CellPlace[c]];
            if (neighbours.Length == 0)
            {
                continue;
            }

            // Groups push toward valuable plazas: a neighbour is chosen in proportion to its violence
            // before the start (+1), the engine's proxy for contested routes and markets.
            // Under the market explanation the pull is also the neighbour's market value (PlazaValue).
            var total = 0.0;
            foreach (var n in neighbours)
            {
                total += (inputs.ViolenceHistory[n] + 1) * (value?[n] ?? 1);
            }

            var target = random.NextDouble() * total;
            var k = 0;
            while (k < neighbours.Length - 1 && (target -= (inputs.ViolenceHistory[neighbours[k]] + 1) * (value?[neighbours[k]] ?? 1)) > 0)
            {
                k++;
            }

            world.MoveTarget[c] = neighbours[k];
            world.Moves[c] = cellSize;
            opened++;
        }

        context.Metrics.Record(PlacesOpened, opened);
    }
}
