using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// How many members a place can hold: a bound on membership that does not grow with the number of groups.
/// Claims: the groups recruit from a finite local pool of young men without prospects (the seed's "youth
/// without school or work are the groups' recruits"; Prieto-Curiel et al. 2023 model recruitment from it).
/// The aggregate model's saturation (ω·C² per group) bounds each cartel, not their sum, so splinters that
/// divide a group multiply what the market holds; backtests from 2010 and 2012 ran away for that reason
/// (docs/validity.md). Here groups in a municipality compete for its pool.
/// - Capacity of a municipality: K = recruit_capacity × inhabitants / 1,000 × its at-risk pool index (× the
///   exclusion factor where that explanation is held).
/// - Recruitment there is multiplied by max(0, 1 − members / K), members of every group together (the signal
///   <see cref="WeekContext.RecruitHeadroom"/>): logistic growth whatever the number of groups.
/// - recruit_capacity 0 leaves recruitment unbounded (the aggregate model's structure, and the 2015 baseline's).
/// Declares: recruit_capacity.
/// </summary>
public sealed class RecruitCapacity : IMechanism
{
    /// <summary>Members a municipality can hold per 1,000 inhabitants at the national mean pool (0: no bound).</summary>
    public static readonly ParameterSpec Capacity = new("recruit_capacity", 0, "members per 1,000 inhabitants at the mean at-risk pool", "assumed (0: unbounded); fitted in the history replay (docs/validity.md)", 0, 50, "members a municipality's pool of recruits can hold, all groups together")
    { Prior = Prior.LogUniform(0.5, 20) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("recruit_capacity", "groups in a place compete for its finite pool of recruits", [Capacity], () => new RecruitCapacity());

    private double[] _capacity = [];
    private double[] _members = [];
    private double[] _headroom = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var capacity = context.Settings[Capacity];
        if (capacity <= 0)
        {
            context.RecruitHeadroom = null;
            return;
        }

        var world = context.World;
        if (_capacity.Length == 0)
        {
            // The bound holds for the run (population of the start year, the pool as recruitment sees it).
            _capacity = Capacities(context, capacity);
            _members = new double[_capacity.Length];
            _headroom = new double[_capacity.Length];
        }

        Array.Clear(_members);
        foreach (var c in world.ActiveSpan)
        {
            _members[world.CellPlace[c]] += world.Free[c];
        }

        for (var m = 0; m < _capacity.Length; m++)
        {
            _headroom[m] = _capacity[m] > 0 ? Math.Max(0, 1 - (_members[m] / _capacity[m])) : 0;
        }

        context.RecruitHeadroom = _headroom;
    }

    /// <summary>Members each municipality can hold: capacity per 1,000 × inhabitants × pool index (× exclusion).</summary>
    public static double[] Capacities(WeekContext context, double capacity)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var year = inputs.Start.Year;
        var exclusion = context.ExclusionFactor;
        return [.. Enumerable.Range(0, inputs.MunicipalityCount)
            .Select(m => capacity * inputs.PopulationIn(m, year) / 1000 * inputs.PoolIndex[m] * (exclusion?[m] ?? 1))];
    }
}
