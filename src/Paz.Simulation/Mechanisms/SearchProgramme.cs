using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// The search for the missing and the identification of the dead.
/// Claim (seed, "Long overdue human rights protections"): the plan is "to search for Mexico's 40,000 missing people,
/// identify the 26,000 bodies at coroners' offices, and fully examine 1,100 clandestine graves … The priority is to
/// search for people still presumed alive."
/// - The missing start at RNPED's open records of people last seen before the start year (<c>EngineInputs.MissingAtStart</c>,
///   data/missing; none where the inputs hold no registry, as in hand-built worlds) and grow by the week's disappearances
///   (<see cref="WeekContext.DisappearedByState"/>, <see cref="HumanRights"/>); the unidentified dead at coroners' offices start
///   at unidentified_bodies.
/// - By state, the missing at the start are split as the homicides of the three years before it (the assumption
///   <see cref="HumanRights"/> makes of every later disappearance: they follow the killings), then grow by each
///   state's disappearances; the week's located cases are shared among the states by their missing, so the long rows
///   carry the search's output by state.
/// - The lever search_capacity resolves that many cases a year, shared between the missing and the bodies in proportion
///   to the two stocks; a missing person located is alive with chance search_alive_share. Nothing is resolved while the
///   lever is 0 (the calibration years: no national programme).
/// Declares unidentified_bodies, search_alive_share; lever search_capacity. Metrics: missing (stock),
/// missing_found_alive, missing_found_dead, bodies_identified.
/// </summary>
public sealed class SearchProgramme : IMechanism
{
    /// <summary>Unidentified bodies at coroners' offices at the start.</summary>
    public static readonly ParameterSpec Bodies = new("unidentified_bodies", 26_000, "bodies", "seed: 'identify the 26,000 bodies at coroners' offices'", 0, 200_000, "unidentified dead held by coroners when the run starts")
    { Prior = Prior.Uniform(15_000, 40_000) };

    /// <summary>Share of the missing located who are alive.</summary>
    public static readonly ParameterSpec AliveShare = new("search_alive_share", 0.3, "fraction", "assumed (seed: 'The priority is to search for people still presumed alive')", 0, 1, "of the missing located, the share found alive")
    { Prior = Prior.Uniform(0.1, 0.5) };

    /// <summary>Cases the search resolves a year (lever).</summary>
    public static readonly ParameterSpec Capacity = new ParameterSpec("search_capacity", 0, "cases a year", "per scenario (seed: the National Search System and a National Forensic Identification Institute)", 0, 100_000, "missing people located and bodies identified a year")
        .AsLever();

    /// <summary>People missing.</summary>
    public static readonly MetricSpec Missing = new("missing", "people", MetricAggregation.Last, "people missing (open records)");

    /// <summary>Missing people found alive.</summary>
    public static readonly MetricSpec FoundAlive = new("missing_found_alive", "people", MetricAggregation.Sum, "missing people located alive by the search");

    /// <summary>Missing people found dead.</summary>
    public static readonly MetricSpec FoundDead = new("missing_found_dead", "people", MetricAggregation.Sum, "missing people located dead by the search");

    /// <summary>Bodies identified.</summary>
    public static readonly MetricSpec Identified = new("bodies_identified", "bodies", MetricAggregation.Sum, "bodies at coroners' offices identified by the search");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("search", "the search finds the missing and identifies the dead, as far as its capacity goes", [Bodies, AliveShare, Capacity], () => new SearchProgramme());

    private double _bodies;

    // The missing by state; the nation's are their sum.
    private double[] _missingByState = [];
    private double[] _aliveByState = [];
    private double[] _deadByState = [];

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        var inputs = context.Inputs;
        var missing = inputs.MissingAtStart ?? 0;
        _bodies = context.Settings[Bodies];
        _missingByState = new double[inputs.States];
        (_aliveByState, _deadByState) = (new double[inputs.States], new double[inputs.States]);
        var killed = inputs.SumByState(m => inputs.ViolenceHistory[m]);
        var total = killed.Sum();
        for (var s = 0; s < killed.Length; s++)
        {
            _missingByState[s] = total > 0 ? missing * killed[s] / total : missing / killed.Length;
        }
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        if (context.DisappearedByState is { } disappeared)
        {
            for (var k = 0; k < _missingByState.Length; k++)
            {
                _missingByState[k] += disappeared[k];
            }
        }

        var missing = _missingByState.Sum();
        var capacity = s[Capacity] / 52;
        double alive = 0, dead = 0, identified = 0;
        if (capacity > 0 && missing + _bodies > 0)
        {
            var located = Math.Min(missing, capacity * missing / (missing + _bodies));
            identified = Math.Min(_bodies, capacity - located);
            alive = located * s[AliveShare];
            dead = located - alive;
            _bodies -= identified;
            ShareByState(located, missing, s[AliveShare]);
            missing -= located;
        }

        var metrics = context.Metrics;
        metrics.Record(Missing, missing);
        metrics.Record(FoundAlive, alive);
        metrics.Record(FoundDead, dead);
        metrics.Record(Identified, identified);
        if (alive + dead > 0)
        {
            metrics.RecordAll(FoundAlive, MetricLevel.State, _aliveByState);
            metrics.RecordAll(FoundDead, MetricLevel.State, _deadByState);
        }
    }

    // The week's located cases among the states in proportion to their missing, each state's stock drawn down by its share.
    private void ShareByState(double located, double stock, double aliveShare)
    {
        for (var k = 0; k < _missingByState.Length; k++)
        {
            var here = stock > 0 ? Math.Min(_missingByState[k], located * _missingByState[k] / stock) : 0;
            _missingByState[k] -= here;
            _aliveByState[k] = here * aliveShare;
            _deadByState[k] = here - _aliveByState[k];
        }
    }
}
