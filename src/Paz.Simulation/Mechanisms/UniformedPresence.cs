using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Uniformed presence: the soldiers in public security, their pullback, and the National Guard's officers,
/// and the deterrence they add up to.
/// Claims (seed, "The National Guard" and recommendations): Peña Nieto deployed "almost 53,000 soldiers" to
/// the streets where violence was; presence deters crime locally; pulling the military back before police
/// and prosecutors can take over leaves the field to the groups; the report asks for a plan of concentric
/// circles — hand over the safest regions first, patrol jointly before the exit, keep a reserve, specify
/// in advance when the military returns (DESIGN.md mechanisms 6 and 15).
/// - Deployment: military_personnel soldiers over the military_places municipalities with most homicides
///   in the last year, in proportion to them (+1). The Guard: the period's explicit deployment (by plan),
///   or guard_places municipalities chosen the same way; personnel grow linearly from guard_personnel_start
///   to guard_personnel_full over guard_ramp_weeks from the timeline entry that set them.
/// - Presence: x uniformed officers per 1,000 inhabitants leave a share f(x) = 1 − d·x/(x + h) of predation and
///   armed confrontations, d = guard_deterrence, h = presence_half (a soldier and a Guard officer deter
///   alike). The soldiers' deterrence at the start is in force in the calibration window, so the calibrated
///   predation already includes it, and presence is measured against it: with S soldiers deployed, W of them
///   withdrawn and G effective Guard officers, the factor is f(S − W + G) / f(S₀), S₀ the start's soldiers
///   (military_personnel of the first period) placed the same way; a timeline that changes the soldiers (the
///   history replay: 45,000 in 2007, 32,253 in 2013) changes presence with them. Civilian police
///   (<see cref="Policing"/>, weighted as soldiers) add to both: f(S − W + G + P) / f(S₀ + P₀), so where police are
///   many the soldiers' arrival or exit changes less. Under a proactive posture
///   each neighbour counts proactive_reach · officers / (number of neighbours) more (the intelligence follows the groups).
/// - Pullback: from a region's exit date its soldiers leave, keeping the plan's reserve share. With a
///   plan, a region whose annualized rate is above the re-entry rate at two consecutive monthly reviews gets
///   its soldiers back for good. The withdrawn soldiers are not deleted: pullback_redeploy keeps them in
///   reserve (out of public security) or sends them outward to the places still held, in proportion to the
///   soldiers there.
/// Forces are redeployed monthly (every four weeks, and when a period begins).
/// Publishes the signals <see cref="WeekContext.Deterrence"/> and <see cref="WeekContext.GuardOfficers"/>.
/// Declares: guard_deterrence, presence_half, proactive_reach (reads the force levers).
/// Metrics: guard_officers (municipal, mean), soldiers_withdrawn, soldiers_in_reserve, soldiers_redeployed (national, mean).
/// </summary>
public sealed class UniformedPresence : IMechanism
{
    /// <summary>Consecutive monthly reviews above the re-entry rate after which the military returns to a region (the planner's "two consecutive months").</summary>
    public const int ReentryReviews = 2;

    private const int RedeployEvery = 4;

    /// <summary>Largest share of predation that uniformed presence deters, at saturation.</summary>
    public static readonly ParameterSpec GuardDeterrence = new("guard_deterrence", 0.7, "fraction", "assumed (seed: presence deters; a garrison displaces)", 0, 1, "largest share of predation deterred by uniformed presence")
    { Prior = Prior.Uniform(0.2, 0.9) };

    /// <summary>Officers per 1,000 inhabitants at which presence deters half of its largest share.</summary>
    public static readonly ParameterSpec PresenceHalf = new("presence_half", 1, "officers per 1,000 inhabitants", "assumed", 0.05, 20, "presence at which half of the largest deterrence is reached")
    { Prior = Prior.LogUniform(0.2, 5) };

    /// <summary>Share of a proactive contingent's deterrence that reaches the neighbouring municipalities.</summary>
    public static readonly ParameterSpec ProactiveReach = new("proactive_reach", 0.5, "fraction", "assumed", 0, 1, "deterrence of proactive policing felt next door")
    { Prior = Prior.Uniform(0, 1) };

    /// <summary>Guard officers by municipality.</summary>
    public static readonly MetricSpec GuardOfficers = new("guard_officers", "officers", MetricAggregation.Mean, "National Guard officers deployed (mean over the year's weeks)");

    /// <summary>Soldiers withdrawn nationally.</summary>
    public static readonly MetricSpec SoldiersWithdrawn = new("soldiers_withdrawn", "soldiers", MetricAggregation.Mean, "soldiers withdrawn from public security (mean over the year's weeks)");

    /// <summary>Withdrawn soldiers waiting in reserve.</summary>
    public static readonly MetricSpec SoldiersInReserve = new("soldiers_in_reserve", "soldiers", MetricAggregation.Mean, "withdrawn soldiers kept in reserve, out of public security (mean over the year's weeks)");

    /// <summary>Withdrawn soldiers sent to the places the military still holds.</summary>
    public static readonly MetricSpec SoldiersRedeployed = new("soldiers_redeployed", "soldiers", MetricAggregation.Mean, "withdrawn soldiers reinforcing the places the military still holds (mean over the year's weeks)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("uniformed_presence", "presence deters; pulling the military back without a plan leaves the field to the groups", [GuardDeterrence, PresenceHalf, ProactiveReach], () => new UniformedPresence());

    private int _lastDeployed = int.MinValue / 2;
    private double[]? _officers;
    private double[]? _deterrence;
    private double[]? _soldiers;
    private double _withdrawn;
    private double _redeployed;
    private PullbackState? _pullback;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (context.Week - _lastDeployed >= RedeployEvery || context.PeriodBegins)
        {
            Deploy(context);
            _lastDeployed = context.Week;
        }

        context.GuardOfficers = _officers;
        context.Deterrence = _deterrence;
        context.Soldiers = _soldiers;
        if (_officers is not null)
        {
            context.Metrics.RecordAll(GuardOfficers, MetricLevel.Municipality, _officers);
        }

        if (_withdrawn > 0)
        {
            context.Metrics.Record(SoldiersWithdrawn, _withdrawn);
            context.Metrics.Record(SoldiersInReserve, _withdrawn - _redeployed);
            context.Metrics.Record(SoldiersRedeployed, _redeployed);
        }
    }

    // Deployment by last year's violence, the Guard's ramp, exits and returns.
    private void Deploy(WeekContext context)
    {
        var period = context.Period;
        var s = period.Settings;
        var inputs = context.Inputs;
        var guard = s.Whole(ForceLevers.GuardPersonnelStart) > 0 || s.Whole(ForceLevers.GuardPersonnelFull) > 0;
        var pullback = s.Choice<PullbackPlan>(ForceLevers.Pullback);
        var deployed = s.Whole(ForceLevers.MilitaryPersonnel);
        var atStart = context.Timeline.Periods[0].Settings.Whole(ForceLevers.MilitaryPersonnel);
        var police = context.Police;
        var policeAtStart = context.PoliceAtStart;
        if (!guard && pullback == PullbackPlan.None && deployed == atStart && !Differ(police, policeAtStart))
        {
            (_officers, _deterrence, _withdrawn, _soldiers) = (null, null, 0, null);
            return;
        }

        var places = s.Whole(ForceLevers.MilitaryPlaces);
        var soldiers = ByViolence(inputs.MunicipalityCount, deployed, places, context.LastYear);

        // Presence is measured against the start's deployment, which the calibrated rates already include.
        var reference = deployed == atStart ? soldiers : ByViolence(inputs.MunicipalityCount, atStart, places, context.LastYear);
        _officers = guard ? Officers(context) : null;
        double[]? withdrawn = null;
        if (pullback != PullbackPlan.None)
        {
            var resolved = period.Forces?.Pullback is { Resolved: true } p
                ? p
                : throw new InvalidOperationException("the pullback's regions and exit dates are not resolved (ForcePlans.Resolve does it from the data)");
            _pullback ??= new PullbackState(resolved.Exit!.Count);
            withdrawn = Withdrawn(inputs, resolved, soldiers, context.Date, context.Recent, _pullback);
        }

        _withdrawn = withdrawn?.Sum() ?? 0;
        if (withdrawn is not null && s.Choice<PullbackRedeployment>(ForceLevers.PullbackRedeploy) == PullbackRedeployment.Outward)
        {
            soldiers = Outward(soldiers, withdrawn);
            _redeployed = _withdrawn;
        }
        else
        {
            _redeployed = 0;
        }

        _soldiers = withdrawn is null ? soldiers : [.. soldiers.Select((x, m) => Math.Max(0, x - withdrawn[m]))];
        var effective = _officers is null ? null : Effective(context, _officers);
        _deterrence = Presence(inputs, s[GuardDeterrence], s[PresenceHalf], new Forces(reference, soldiers, withdrawn, effective, police, policeAtStart), context.Date.Year);
    }

    /// <summary>
    /// <paramref name="personnel"/> spread over the <paramref name="places"/> municipalities with most homicides
    /// in <paramref name="lastYear"/>, in proportion to them (+1, so a quiet place still gets a share).
    /// </summary>
    public static double[] ByViolence(int municipalities, double personnel, int places, double[] lastYear)
    {
        ArgumentNullException.ThrowIfNull(lastYear);
        var officers = new double[municipalities];
        if (personnel <= 0)
        {
            return officers;
        }

        var chosen = Enumerable.Range(0, municipalities).OrderByDescending(m => lastYear[m]).ThenBy(m => m).Take(places).ToList();
        var total = chosen.Sum(m => lastYear[m] + 1);
        foreach (var m in chosen)
        {
            officers[m] = personnel * (lastYear[m] + 1) / total;
        }

        return officers;
    }

    // Officers per municipality this week: the period's explicit deployment, or guard_places municipalities by violence.
    private static double[] Officers(WeekContext context)
    {
        var s = context.Settings;
        var inputs = context.Inputs;
        var ramp = Math.Clamp(context.WeeksSinceChanged(ForceLevers.GuardPersonnelStart, ForceLevers.GuardPersonnelFull, ForceLevers.GuardRampWeeks) / (double)Math.Max(1, s.Whole(ForceLevers.GuardRampWeeks)), 0, 1);
        var start = s.Whole(ForceLevers.GuardPersonnelStart);
        var personnel = start + ((s.Whole(ForceLevers.GuardPersonnelFull) - start) * ramp);
        if (context.Period.Forces?.GuardDeployment is not { } shares)
        {
            return ByViolence(inputs.MunicipalityCount, personnel, s.Whole(ForceLevers.GuardPlaces), context.LastYear);
        }

        var officers = new double[inputs.MunicipalityCount];
        var total = shares.Values.Sum();
        foreach (var (m, share) in shares)
        {
            officers[m] = total > 0 ? personnel * share / total : 0;
        }

        return officers;
    }

    // Officers that count for deterrence: under a proactive posture the Guard's intelligence reaches the same
    // groups' cells next door, so each neighbour counts proactive_reach · officers / (number of neighbours) more.
    private static double[] Effective(WeekContext context, double[] officers)
    {
        var period = context.Period;
        var reach = period.Settings[ProactiveReach];
        var effective = (double[])officers.Clone();

        // An officer the community will not talk to deters less (HumanRights' cooperation; last week's).
        if (context.Cooperation is { } cooperation)
        {
            for (var m = 0; m < effective.Length; m++)
            {
                effective[m] *= cooperation[m];
            }
        }

        if (period.Settings.Choice<GuardPosture>(ForceLevers.Posture) == GuardPosture.Proactive || period.Forces?.PostureIn is not null)
        {
            for (var m = 0; m < officers.Length; m++)
            {
                if (ForceLevers.PostureIn(period, m) != GuardPosture.Proactive)
                {
                    continue;
                }

                var around = context.Inputs.Neighbours[m];
                foreach (var n in around)
                {
                    effective[n] += reach * officers[m] / around.Length;
                }
            }
        }

        return effective;
    }

    // Soldiers withdrawn from each municipality at this monthly review; updates the re-entry watch.
    private static double[] Withdrawn(EngineInputs inputs, MilitaryPullback pullback, double[] soldiers, DateOnly date, double[] recent, PullbackState state)
    {
        var regionOf = pullback.RegionOf!;
        var exit = pullback.Exit!;
        var regions = exit.Count;
        var homicides = new double[regions];
        var people = new double[regions];
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            homicides[regionOf[m]] += recent[m];
            people[regionOf[m]] += inputs.PopulationIn(m, date.Year);
        }

        var gone = new bool[regions];
        for (var r = 0; r < regions; r++)
        {
            if (exit[r] is not { } leaves || date < leaves || state.Returned[r])
            {
                continue;
            }

            var rate = people[r] > 0 ? homicides[r] * 13 * 100_000 / people[r] : 0;
            state.HotReviews[r] = rate > pullback.ReentryRate ? state.HotReviews[r] + 1 : 0;
            if (state.HotReviews[r] >= ReentryReviews)
            {
                state.Returned[r] = true; // the trigger fired: the military returns
                continue;
            }

            gone[r] = true;
        }

        var withdrawn = new double[inputs.MunicipalityCount];
        for (var m = 0; m < withdrawn.Length; m++)
        {
            withdrawn[m] = gone[regionOf[m]] ? soldiers[m] * (1 - pullback.Reserve) : 0;
        }

        return withdrawn;
    }

    /// <summary>
    /// The factor on predation and confrontations in each municipality, against the presence at the start:
    /// f(S − W + G + P) / f(S₀ + P₀), S₀ the soldiers the start's deployment would place now and P, P₀ the police
    /// (weighted as soldiers) now and at the start's densities.
    /// </summary>
    public static double[] Presence(EngineInputs inputs, double deterrence, double half, Forces forces, int year)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(forces);
        var factor = new double[forces.Soldiers.Length];
        for (var m = 0; m < factor.Length; m++)
        {
            var thousands = Math.Max(1, inputs.PopulationIn(m, year) / 1000);
            var before = (forces.Reference[m] + (forces.PoliceAtStart?[m] ?? 0)) / thousands;
            var now = (Math.Max(0, forces.Soldiers[m] - (forces.Withdrawn?[m] ?? 0) + (forces.Guard?[m] ?? 0)) + (forces.Police?[m] ?? 0)) / thousands;
            factor[m] = Left(deterrence, half, now) / Left(deterrence, half, before);
        }

        return factor;
    }

    /// <summary>
    /// The soldiers after those <paramref name="withdrawn"/> from the places left are added to the places still held,
    /// in proportion to the soldiers there (the most violent places first, as the deployment placed them); where no
    /// place is held they stay withdrawn.
    /// </summary>
    public static double[] Outward(double[] soldiers, double[] withdrawn)
    {
        ArgumentNullException.ThrowIfNull(soldiers);
        ArgumentNullException.ThrowIfNull(withdrawn);
        double total = 0, held = 0;
        for (var m = 0; m < soldiers.Length; m++)
        {
            total += withdrawn[m];
            held += withdrawn[m] == 0 ? soldiers[m] : 0;
        }

        var result = (double[])soldiers.Clone();
        if (total == 0 || held == 0)
        {
            return result;
        }

        for (var m = 0; m < soldiers.Length; m++)
        {
            if (withdrawn[m] == 0)
            {
                result[m] += total * soldiers[m] / held;
            }
        }

        return result;
    }

    // Whether the police now differ from the police at the start's densities anywhere.
    private static bool Differ(double[]? police, double[]? atStart) =>
        police is not null && atStart is not null && !police.AsSpan().SequenceEqual(atStart);

    // The share of predation left by x officers per 1,000 inhabitants.
    private static double Left(double deterrence, double half, double x) => 1 - (deterrence * x / (x + half));

    /// <summary>The uniformed and civilian forces in each municipality (index order) at a monthly review.</summary>
    /// <param name="Reference">Soldiers the start's deployment would place now (what the calibrated rates include).</param>
    /// <param name="Soldiers">Soldiers deployed now.</param>
    /// <param name="Withdrawn">Soldiers withdrawn by the pullback, or null.</param>
    /// <param name="Guard">Guard officers counted for deterrence, or null.</param>
    /// <param name="Police">Police now, weighted as soldiers, or null.</param>
    /// <param name="PoliceAtStart">Police at the start's densities, weighted as soldiers, or null.</param>
    public sealed record Forces(double[] Reference, double[] Soldiers, double[]? Withdrawn, double[]? Guard, double[]? Police, double[]? PoliceAtStart);

    // The pullback's re-entry watch, per region, carried from week to week.
    private sealed class PullbackState(int regions)
    {
        public int[] HotReviews { get; } = new int[regions];

        public bool[] Returned { get; } = new bool[regions];
    }
}
