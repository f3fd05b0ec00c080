using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Baseline enforcement: the week's ordinary arrests.
/// Claims: about 110 incapacitations a week nationally (Prieto-Curiel et al. 2023, the national anchor);
/// soldiers deployed in violent areas (seed: 53,000 soldiers under Peña Nieto), so arrests concentrate
/// where last month's homicide rate was high; impunity of 93-99% (evidence.md), so most detainees return
/// to their groups (detention and its end: <see cref="Agents.World.ApplyEvents"/>, with the world's
/// pretrial_weeks, conviction and sentence_weeks).
/// Arrests in a cell ~ Poisson(arrests_per_week · free · w_m / Σ free · w), w_m = (rate_m / national rate)^enforcement_focus.
/// Declares: arrests_per_week; lever enforcement_focus.
/// </summary>
public sealed class Enforcement : IMechanism
{
    /// <summary>Arrests of members per week nationally.</summary>
    public static readonly ParameterSpec ArrestsPerWeek = new("arrests_per_week", 110, "members per week", "Prieto-Curiel et al. (2023), eta", 50, 300, "arrests of members nationally")
    { Prior = Prior.Uniform(80, 150) };

    /// <summary>How strongly arrests follow last month's homicide rate.</summary>
    public static readonly ParameterSpec EnforcementFocus = new ParameterSpec("enforcement_focus", 0.5, "exponent on the local rate relative to the national", "seed: soldiers deployed 'to Mexican streets' where violence was (2015-2018); 0.5 assumed", 0, 3, "how strongly arrests follow last month's homicide rate (0: spread evenly by members)")
        .AsLever();

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("enforcement", "arrests concentrate where violence is; most detainees return", [ArrestsPerWeek, EnforcementFocus], () => new Enforcement());

    private double[] _weights = [];

    /// <inheritdoc/>
    public void Start(WeekContext context) => _weights = new double[context.World.MunicipalityCount];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var focus = context.Settings[EnforcementFocus];
        var perWeek = context.Settings[ArrestsPerWeek];
        var nationalRate = context.NationalRate;
        var weights = _weights;
        // Most municipalities had no homicide last month and sit at the floor: its weight is computed once a week.
        var floor = Math.Pow(0.1, focus);
        for (var m = 0; m < world.MunicipalityCount; m++)
        {
            var relative = context.LastMonthRate[m] / nationalRate;
            weights[m] = nationalRate <= 0 ? 1 : relative <= 0.1 ? floor : Math.Pow(relative, focus);
        }

        // Each cell's members and weight are read once, for the exposure and then for the rates.
        var cells = world.ActiveSpan;
        var (cellWeights, members) = world.CellScratch();
        var exposure = 0.0;
        for (var k = 0; k < cells.Length; k++)
        {
            var c = cells[k];
            (members[k], cellWeights[k]) = (world.Free[c], weights[world.CellPlace[c]]);
            exposure += world.Free[c] * cellWeights[k];
        }

        if (exposure > 0)
        {
            // Arrests start the week at zero in every cell (the member pass clears a week's events): only the cells hit change.
            var hits = world.CellHits;
            context.Random.PoissonScatter(cells.Length, new Rates(perWeek, members, cellWeights, exposure), hits);
            for (var h = 0; h < hits.Count; h++)
            {
                var c = cells[hits.Items[h]];
                world.Arrests[c] = Math.Min(hits.Counts[h], world.Free[c] - world.Deaths[c]);
            }
        }
    }

    // A cell's arrests in the week (its members and weight read beforehand, for the exposure), computed as the scatter
    // totals them.
    private readonly struct Rates(double perWeek, double[] members, double[] weights, double exposure) : IScatterRates
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Rate(int item) => perWeek * members[item] * weights[item] / exposure;
    }
}
