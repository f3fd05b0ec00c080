using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Local succession crises where leaders are removed.
/// Claims: a kingpin capture raises local homicides for at least twelve months (Lindo &amp; Padilla-Romo
/// 2018), where the leader was and next door where the organization operates; removals raise violence
/// between organizations and against civilians (Calderón et al. 2015).
/// A leader's removal destabilizes the plaza the leader ran: the leader's municipality and the
/// neighbouring municipalities where the group operates enter a local crisis of crisis_weeks, during
/// which all organized violence there (conflict and predation, whoever commits it) is multiplied by
/// 1 + (crisis_violence − 1) · (groups in a succession crisis there) — crises of different groups add up.
/// Publishes the signal <see cref="WeekContext.CrisisMultiplier"/>.
/// Warm start: high-value targeting ran long before 2015, so at week 0 the plazas of the
/// Poisson(removals a week · crisis_weeks) leaders removed in the last crisis_weeks are still in crisis,
/// each with a uniformly drawn time left, taken in the campaign's order (the largest groups first); a cold
/// start would make violence climb through the first year for no reason but the model's own start.
/// Declares: crisis_violence (reads the world's crisis_weeks). Metric: plaza_crises (municipal).
/// </summary>
public sealed class SuccessionCrises : IMechanism
{
    /// <summary>How much more violent a municipality's organized violence is during a local succession crisis.</summary>
    public static readonly ParameterSpec CrisisViolence = new("crisis_violence", 2, "multiplier", "published kingpin effects, 2007-2012 (evidence.md): +36.5% of all homicides in 6 months (Calderón et al. 2015), about +80% for a year (Lindo & Padilla-Romo 2018), over an organized share of about two thirds of local homicides; not fitted: the national series cannot tell it apart from predation", 1, 10, "organized violence in a plaza (and next door where the group operates) after its boss is removed")
    { Prior = Prior.Uniform(1.5, 3) };

    /// <summary>Local crises under way, summed over the year's weeks (crisis-weeks), by municipality.</summary>
    public static readonly MetricSpec PlazaCrises = new("plaza_crisis_weeks", "crisis-weeks", MetricAggregation.Sum, "weeks of local succession crisis (several groups' crises in a place add up)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("succession_crises", "a capture raises violence where the leader was and next door for a year", [CrisisViolence], () => new SuccessionCrises());

    private readonly List<(int Place, int Group, int WeeksLeft)> _crises = [];
    private int[] _plazaCrisis = [];
    private double[] _multiplier = [];

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        var world = context.World;
        _plazaCrisis = new int[world.MunicipalityCount];
        _multiplier = new double[world.MunicipalityCount];
        if (context.LeaderRemovalsBeforeStart <= 0)
        {
            return;
        }

        var crisisWeeks = context.Settings.Whole(WorldParameters.CrisisWeeks);
        var random = context.Random;
        var removed = (int)random.Poisson(context.LeaderRemovalsBeforeStart * crisisWeeks);
        var leaders = new List<int>();
        for (var i = 0; i < world.Count; i++)
        {
            if (world.TierOf[i] == Tier.Leader && world.Status[i] == MemberStatus.Free)
            {
                leaders.Add(i);
            }
        }

        foreach (var i in leaders.OrderByDescending(i => world.GroupMembers[world.Group[i]]).ThenBy(i => i).Take(removed))
        {
            OpenAround(world, context.Inputs.Neighbours, world.Group[i], world.Place[i], 1 + (int)(random.NextDouble() * crisisWeeks));
        }
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var kept = 0;
        for (var k = 0; k < _crises.Count; k++)
        {
            var (place, group, left) = _crises[k];
            if (left <= 1)
            {
                _plazaCrisis[place]--;
                continue;
            }

            _crises[kept++] = (place, group, left - 1);
        }

        _crises.RemoveRange(kept, _crises.Count - kept);
        var crisisWeeks = context.Settings.Whole(WorldParameters.CrisisWeeks);
        foreach (var c in world.RemovedLeaderCells)
        {
            OpenAround(world, context.Inputs.Neighbours, world.CellGroup[c], world.CellPlace[c], crisisWeeks);
        }

        world.RemovedLeaderCells.Clear();
        var violence = context.Settings.Holds(Explanation.Fragmentation) ? context.Settings[CrisisViolence] : 1;
        for (var m = 0; m < _multiplier.Length; m++)
        {
            _multiplier[m] = 1 + ((violence - 1) * _plazaCrisis[m]);
            if (_plazaCrisis[m] > 0)
            {
                context.Metrics.Record(PlazaCrises, MetricLevel.Municipality, m, _plazaCrisis[m]);
            }
        }

        context.CrisisMultiplier = _multiplier;
    }

    // A removal's crisis: the leader's municipality and the neighbouring ones where the group has members.
    private void OpenAround(World world, int[][] neighbours, int group, int place, int weeks)
    {
        Open(place, group, weeks);
        foreach (var n in neighbours[place])
        {
            if (world.FreeOf(group, n) > 0)
            {
                Open(n, group, weeks);
            }
        }
    }

    // One crisis per group and place: a second lieutenant of the same group taken in the same plaza prolongs
    // the fight over it rather than starting another.
    private void Open(int place, int group, int weeks)
    {
        for (var k = 0; k < _crises.Count; k++)
        {
            if (_crises[k].Place == place && _crises[k].Group == group)
            {
                _crises[k] = (place, group, Math.Max(_crises[k].WeeksLeft, weeks));
                return;
            }
        }

        _crises.Add((place, group, weeks));
        _plazaCrisis[place]++;
    }
}
