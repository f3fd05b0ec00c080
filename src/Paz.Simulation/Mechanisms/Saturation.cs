using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Members leaving large groups: the aggregate model's saturation term ω·C², spread over a group's
/// municipalities in proportion to its members there.
/// Claim: Prieto-Curiel et al. (2023), saturation limits a cartel's size.
/// Desistances in a cell ~ Poisson(saturation · members of the group · free members in the cell).
/// Declares: saturation.
/// </summary>
public sealed class Saturation : IMechanism
{
    /// <summary>Members leaving per week per member, per member of the same group.</summary>
    public static readonly ParameterSpec Rate = new("saturation", 0.04e-6, "per week per member per member", "Prieto-Curiel et al. (2023), omega", 0, 1e-6, "members leaving large groups")
    { Prior = Prior.Uniform(0.02e-6, 0.08e-6) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("saturation", "saturation limits a cartel's size", [Rate], () => new Saturation());

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var saturation = context.Settings[Rate];
        var cells = world.ActiveSpan;

        // Desistance starts the week at zero in every cell (the member pass clears a week's events): only the cells hit change.
        var hits = world.CellHits;
        context.Random.PoissonScatter(cells.Length, new Rates(cells, saturation, world.GroupMembers, world.CellGroup, world.Free), hits);
        for (var h = 0; h < hits.Count; h++)
        {
            var c = cells[hits.Items[h]];
            world.Desist[c] = Math.Min(hits.Counts[h], world.Free[c] - world.Deaths[c] - world.Arrests[c]);
        }
    }

    // A cell's desistances in the week, computed as the scatter totals them.
    private readonly ref struct Rates(ReadOnlySpan<int> cells, double saturation, int[] groupMembers, short[] groupOf, int[] free) : IScatterRates
    {
        private readonly ReadOnlySpan<int> _cells = cells;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Rate(int item) => saturation * groupMembers[groupOf[_cells[item]]] * free[_cells[item]];
    }
}
