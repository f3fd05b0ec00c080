using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>How the state chooses and hits criminal organizations (combinable: a mix of strategies; the bits follow the words of <see cref="Targeting.Strategy"/>).</summary>
[Flags]
public enum TargetingStrategy
{
    /// <summary>No targeting of organizations ("abrazos, no balazos"): enforcement only against the crimes.</summary>
    None = 0,

    /// <summary>High-value targeting: remove leaders.</summary>
    HighValue = 1,

    /// <summary>Build intelligence on one group's middle layer, then arrest most of it at once.</summary>
    MiddleLayerSweep = 2,

    /// <summary>Focused deterrence: the most violent group is targeted first and the rule is announced.</summary>
    MostViolentFirst = 4,
}

/// <summary>
/// How the state hits organizations: high-value targeting, middle-layer sweeps built on intelligence,
/// and focused deterrence (most violent first).
/// Claims (seed, "Strategic choices in targeting"; DESIGN.md mechanisms 2, 3, 5, 14): removing leaders
/// alone triggers succession and fragmentation; arresting most of a middle layer at once disables a
/// group, but needs intelligence built up over months, and in a corrupt apparatus intelligence leaks and
/// "goes cold" (the targets move); announcing that the most violent group is hit first makes the others
/// weigh being next.
/// - Target choice: the first group of the priority list that still qualifies, else the most violent
///   (most-violent-first) or the largest.
/// - High-value: Poisson(leader_removals_per_week) leaders removed a week from the target.
/// - Sweep: each week on the target, intelligence grows by a week, unless it leaks — with probability
///   intelligence_leak · c · (1 − anti_corruption · reform progress), c the share of police failing vetting in the
///   state holding most of the target's members against the nation's at the start (the Policing signal
///   PoliceCorruption; 1 without it) — and resets (a failed sweep). After
///   intelligence_weeks it strikes: sweep_share of the target's middle layer is arrested; the next
///   target follows, and once every candidate was swept the campaign starts over.
/// - Most violent first: groups other than the target restrain their violence by deterrence_signal
///   (the signal <see cref="WeekContext.Restraint"/>), once the state has struck under the rule — a sweep or a
///   leader removed while it is announced. An announcement the state has not yet backed by a strike is cheap talk:
///   focused deterrence works when the threat has been carried out against the group that broke the rule first
///   (Kennedy 1997 on Boston's Ceasefire; Kleiman 2011, seed note 45; the seed: the targeting of La Familia, the
///   Templars and the Zetas "could not produce the desired effect of reducing and deterring violence" for want of
///   the capacity to deliver it). Withdrawing the rule withdraws the restraint; announcing it again starts over.
/// Declares: intelligence_leak, deterrence_signal; levers targeting, leader_removals_per_week, priority,
/// only_priority, sweep_share, intelligence_weeks (reads anti_corruption). Metrics: sweeps_done, sweeps_failed.
/// </summary>
public sealed class Targeting : IMechanism
{
    /// <summary>Chance per week that corruption leaks a sweep's intelligence.</summary>
    public static readonly ParameterSpec IntelligenceLeak = new("intelligence_leak", 0.02, "per week", "assumed (seed: intelligence 'goes cold' in a corrupt apparatus)", 0, 0.5, "chance a sweep's intelligence leaks and the targets move")
    { Prior = Prior.Uniform(0, 0.1) };

    /// <summary>How much groups not targeted restrain their violence under most-violent-first.</summary>
    public static readonly ParameterSpec DeterrenceSignal = new("deterrence_signal", 0.3, "fraction", "assumed (Kleiman; seed: focused deterrence)", 0, 1, "violence restraint of groups not targeted under most-violent-first, once the state has struck under the rule")
    { Prior = Prior.Uniform(0, 0.6) };

    /// <summary>The targeting strategy.</summary>
    public static readonly ParameterSpec Strategy = new ParameterSpec("targeting", (double)TargetingStrategy.HighValue, "set of strategies", "seed: high-value targeting of leaders under Calderón and Peña Nieto", 0, 7, "how the state chooses and hits organizations ([none] or any of the words)")
    { Kind = ValueKind.Choices, Words = ["high_value", "middle_layer_sweep", "most_violent_first"] }.AsLever();

    /// <summary>Leaders removed per week nationally under high-value targeting.</summary>
    public static readonly ParameterSpec LeaderRemovalsPerWeek = new ParameterSpec("leader_removals_per_week", 30.0 / 52, "leaders per week", "seed: 120 of 122 designated targets caught by 2018, read as about 30 a year (assumed; an upper bound for 2015-2018: most fell in 2013, and the replay sets the published pace by date from data/history/published_aggregates.csv)", 0, 5, "high-value targeting's pace")
        .AsLever();

    /// <summary>Groups to target first.</summary>
    public static readonly ParameterSpec Priority = new ParameterSpec("priority", 0, "group names", "per scenario (seed: 'prioritizing targeting of the most violent and aggressive groups, such as CJNG')", 0, 0, "groups to target first, by name or by the abbreviation in parentheses (e.g. CJNG); then the largest (or most violent)")
    { Kind = ValueKind.Names }.AsLever();

    /// <summary>Target only the priority list.</summary>
    public static readonly ParameterSpec OnlyPriority = new ParameterSpec("only_priority", 0, "yes/no", "per scenario", 0, 1, "target only the groups of the priority list (and their splinters), never fall back on others")
    { Kind = ValueKind.Flag }.AsLever();

    /// <summary>Share of the target's middle layer a sweep arrests.</summary>
    public static readonly ParameterSpec SweepShare = new ParameterSpec("sweep_share", 0.8, "fraction of the middle layer", "assumed (seed: 'disable the vast majority of the middle layer in one sweep')", 0, 1, "share of the target group's middle layer a sweep arrests")
        .AsLever();

    /// <summary>Weeks of intelligence a sweep needs.</summary>
    public static readonly ParameterSpec IntelligenceWeeks = new ParameterSpec("intelligence_weeks", 26, "weeks", "assumed (half a year per sweep)", 1, 520, "weeks of intelligence work a sweep needs before it can strike")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Sweeps carried out (cumulative).</summary>
    public static readonly MetricSpec SweepsDone = new("sweeps_done", "sweeps", MetricAggregation.Last, "sweeps carried out since the start");

    /// <summary>Sweeps whose intelligence leaked (cumulative).</summary>
    public static readonly MetricSpec SweepsFailed = new("sweeps_failed", "sweeps", MetricAggregation.Last, "sweeps whose intelligence leaked since the start");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "targeting",
        "decapitation alone fragments groups; sweeps of the middle layer need intelligence that leaks; focused deterrence restrains",
        [IntelligenceLeak, DeterrenceSignal, Strategy, LeaderRemovalsPerWeek, Priority, OnlyPriority, SweepShare, IntelligenceWeeks],
        () => new Targeting());

    private bool[] _swept = [];
    private int _sweepTarget = -1;
    private int _targetState = -1;
    private double _intelligence;
    private int _sweepsDone;
    private int _sweepsFailed;
    private int[] _priority = [];

    // Whether the state has struck since most-violent-first was announced (the restraint's condition).
    private bool _demonstrated;

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        _swept = new bool[context.World.MaxGroups];
        if (context.Settings.Choice<TargetingStrategy>(Strategy).HasFlag(TargetingStrategy.HighValue))
        {
            context.LeaderRemovalsBeforeStart = context.Settings[LeaderRemovalsPerWeek];
        }
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var s = context.Settings;
        if (context.PeriodBegins)
        {
            // The priority list as group indices (names or abbreviations such as CJNG); the scenario reader
            // refuses names the network does not hold.
            _priority = [.. s.Names(Priority).Select(context.Inputs.Network.IndexOf).Where(g => g >= 0)];
        }

        var strategy = s.Choice<TargetingStrategy>(Strategy);
        var mostViolentFirst = strategy.HasFlag(TargetingStrategy.MostViolentFirst);
        var only = s.Flag(OnlyPriority);
        _demonstrated &= mostViolentFirst;
        var focus = mostViolentFirst ? Pick(world, _priority, mostViolentFirst, only, g => world.GroupMembers[g] > 0) : -1;
        var signal = _demonstrated ? s[DeterrenceSignal] : 0;
        for (var g = 0; g < world.Groups; g++)
        {
            context.Restraint[g] = mostViolentFirst && g != focus ? 1 - signal : 1;
        }

        if (strategy.HasFlag(TargetingStrategy.HighValue))
        {
            var removals = (int)context.Random.Poisson(s[LeaderRemovalsPerWeek]);
            for (var k = 0; k < removals; k++)
            {
                var target = Pick(world, _priority, mostViolentFirst, only, g => world.GroupLeaders[g] - world.LeaderRemovals[g] > 0);
                if (target < 0)
                {
                    break;
                }

                world.LeaderRemovals[target]++;
                _demonstrated |= mostViolentFirst;
            }
        }

        if (strategy.HasFlag(TargetingStrategy.MiddleLayerSweep))
        {
            Sweep(context, mostViolentFirst, only);
        }

        context.Metrics.Record(SweepsDone, _sweepsDone);
        context.Metrics.Record(SweepsFailed, _sweepsFailed);
    }

    private void Sweep(WeekContext context, bool mostViolentFirst, bool only)
    {
        var world = context.World;
        var s = context.Settings;
        if (_sweepTarget < 0 || world.GroupMiddle[_sweepTarget] == 0)
        {
            _sweepTarget = Pick(world, _priority, mostViolentFirst, only, g => !_swept[g] && world.GroupMiddle[g] > 0);
            if (_sweepTarget < 0)
            {
                // Every candidate has been swept once: the campaign starts over on the regrown layers.
                Array.Clear(_swept);
                _sweepTarget = Pick(world, _priority, mostViolentFirst, only, g => world.GroupMiddle[g] > 0);
            }

            _intelligence = 0;
            if (_sweepTarget < 0)
            {
                return;
            }

            _targetState = MainState(context, _sweepTarget);
        }

        // Where the target's police fail vetting more often, operations leak more (the Policing signal; 1 without it).
        var corruption = context.PoliceCorruption is { } byState && _targetState >= 0 ? byState[_targetState] : 1;
        var leak = s[IntelligenceLeak] * corruption * (1 - (s[ReformLevers.AntiCorruption] * Math.Clamp(ReformLevers.Progress(context), 0, 1)));
        if (context.Random.NextDouble() < leak)
        {
            _intelligence = 0; // the operation leaked: the targets move, the work starts over
            _sweepsFailed++;
            return;
        }

        // A week's intelligence is what the targets' communities tell (HumanRights' cooperation; a full week where abuses
        // are not modelled).
        _intelligence += Cooperation(context);
        if (_intelligence < s.Whole(IntelligenceWeeks))
        {
            return;
        }

        world.MiddleRemovalShare[_sweepTarget] = s[SweepShare];
        _swept[_sweepTarget] = true;
        _sweepsDone++;
        _demonstrated |= mostViolentFirst;
        _sweepTarget = -1;
    }

    // The state holding most of the group's free members (its police are the ones an operation must trust).
    private static int MainState(WeekContext context, int group)
    {
        var world = context.World;
        var members = new int[context.Inputs.States];
        foreach (var c in world.CellsOfGroup(group))
        {
            members[context.Inputs.StateOf[world.CellPlace[c]]] += world.Free[c];
        }

        return Array.IndexOf(members, members.Max());
    }

    /// <summary>
    /// The group to target: the first of the priority list that qualifies (a splinter counts as its
    /// parent's lineage), else — unless <paramref name="onlyPriority"/> — the most violent or the largest.
    /// </summary>
    public static int Pick(World world, IReadOnlyList<int> priority, bool mostViolentFirst, bool onlyPriority, Func<int, bool> qualifies)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(qualifies);
        foreach (var g in priority)
        {
            if (g < world.Groups && !world.Exempt[g] && qualifies(g))
            {
                return g;
            }
        }

        var target = -1;
        for (var g = 0; g < world.Groups; g++)
        {
            if (world.Exempt[g] || !qualifies(g) || (onlyPriority && !priority.Contains(world.LineageOf(g))))
            {
                continue;
            }

            var better = target < 0
                || (mostViolentFirst ? world.RecentViolence[g] > world.RecentViolence[target] : world.GroupMembers[g] > world.GroupMembers[target]);
            if (better)
            {
                target = g;
            }
        }

        return target;
    }

    // The cooperation of the communities where the target's members are, weighted by them.
    private double Cooperation(WeekContext context)
    {
        if (context.Cooperation is not { } cooperation || _sweepTarget < 0)
        {
            return 1;
        }

        var world = context.World;
        double weighted = 0, members = 0;
        foreach (var c in world.CellsOfGroup(_sweepTarget))
        {
            weighted += cooperation[world.CellPlace[c]] * world.Free[c];
            members += world.Free[c];
        }

        return members > 0 ? weighted / members : 1;
    }
}
