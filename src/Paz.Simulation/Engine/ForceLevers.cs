using Paz.Core.Parameters;

namespace Paz.Simulation.Engine;

/// <summary>
/// The levers of the uniformed forces: the National Guard's size, growth, deployment and posture, the
/// soldiers deployed in public security and their pullback. Several mechanisms read them (presence,
/// Guard operations) and the planner resolves the plan-based ones before the run (<see cref="ResolvedForces"/>),
/// so they belong to no one mechanism.
/// </summary>
public static class ForceLevers
{
    private static readonly string[] ClassPostureWords = ["as_guard_posture", "patrol", "proactive", "garrison"];

    /// <summary>National Guard personnel when the period takes effect (0: no Guard).</summary>
    public static readonly ParameterSpec GuardPersonnelStart = new ParameterSpec("guard_personnel_start", 0, "officers", "per scenario (seed: the first 50,000 in 2019)", 0, 1_000_000, "National Guard personnel when the period takes effect (0: no Guard)")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>National Guard personnel once phased in.</summary>
    public static readonly ParameterSpec GuardPersonnelFull = new ParameterSpec("guard_personnel_full", 0, "officers", "per scenario (seed: 150,000 by 2021-2022)", 0, 1_000_000, "National Guard personnel once phased in")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Weeks over which the Guard grows to its full strength.</summary>
    public static readonly ParameterSpec GuardRampWeeks = new ParameterSpec("guard_ramp_weeks", 156, "weeks", "assumed (three years)", 1, 1040, "weeks over which the Guard grows from its start to its full strength, from the start of the period")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Municipalities the Guard covers when deployed by violence.</summary>
    public static readonly ParameterSpec GuardPlaces = new ParameterSpec("guard_places", 266, "municipalities", "seed: 266 regions (used as a count of places when the Guard is not deployed by plan)", 1, 2469, "municipalities the Guard covers, the most violent of the last year first, personnel in proportion to their homicides")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Deploy the Guard as <c>paz plan</c> does.</summary>
    public static readonly ParameterSpec GuardPlan = new ParameterSpec("guard_plan", 0, "yes/no", "seed: 'Mexico is to be divided into 266 regions, each with a National Guard contingent'", 0, 1, "deploy the Guard as paz plan does (regions, insecurity classes, contingents of 300/450/600) instead of by last year's homicides")
    { Kind = ValueKind.Flag }.AsLever();

    /// <summary>The Guard's posture.</summary>
    public static readonly ParameterSpec Posture = new ParameterSpec("guard_posture", 0, "posture", "seed: 'a very broad and unprioritized menu' (patrol) against 'proactive and knowledge-based policing'", 0, 2, "how contingents work: patrol, proactive or garrison")
    { Kind = ValueKind.Choice, Words = ["patrol", "proactive", "garrison"] }.AsLever();

    /// <summary>Posture in the plan's low-insecurity regions.</summary>
    public static readonly ParameterSpec GuardPostureLow = ClassPosture("low");

    /// <summary>Posture in the plan's medium-insecurity regions.</summary>
    public static readonly ParameterSpec GuardPostureMedium = ClassPosture("medium");

    /// <summary>Posture in the plan's high-insecurity regions.</summary>
    public static readonly ParameterSpec GuardPostureHigh = ClassPosture("high");

    /// <summary>Soldiers deployed in public security.</summary>
    public static readonly ParameterSpec MilitaryPersonnel = new ParameterSpec("military_personnel", 53_000, "soldiers", "seed: 'almost 53,000 soldiers' under Peña Nieto", 0, 1_000_000, "soldiers deployed in public security, in the most violent municipalities")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Municipalities the soldiers cover.</summary>
    public static readonly ParameterSpec MilitaryPlaces = new ParameterSpec("military_places", 266, "municipalities", "assumed (as many as the plan's regions)", 1, 2469, "municipalities the soldiers cover, the most violent of the last year first, in proportion to their homicides")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>States with a joint military operation under way.</summary>
    public static readonly ParameterSpec OperationStates = new ParameterSpec("operation_states", 0, "state names", "per scenario (history: the joint operations of 2006-2015, data/history/military_operations_2005_2015.csv)", 0, 0, "states where the soldiers deployed against organized crime work in joint operations ([]: wherever violence was, as in 2015-2018)")
    { Kind = ValueKind.Names }.AsLever();

    /// <summary>The military's pullback from policing.</summary>
    public static readonly ParameterSpec Pullback = new ParameterSpec("pullback", 0, "plan", "seed: the intent to 'pull back the Mexican military from carrying out policing functions', with no plan; the report's concentric circles", 0, 2, "none (the military stays), schedule (regions leave one after another) or transition (the concentric-circles plan of paz plan transition)")
    { Kind = ValueKind.Choice, Words = ["none", "schedule", "transition"] }.AsLever();

    /// <summary>The pullback's first exit (schedule) or the plan's start (transition).</summary>
    public static readonly ParameterSpec PullbackFrom = new ParameterSpec("pullback_from", 0, "month", "per scenario", 0, 2100 * 12, "first exit (schedule) or the transition plan's start (first joint patrols)")
    { Kind = ValueKind.Month }.AsLever();

    /// <summary>Months over which a scheduled pullback leaves every region.</summary>
    public static readonly ParameterSpec PullbackMonths = new ParameterSpec("pullback_months", 24, "months", "assumed", 1, 240, "schedule: months over which all regions are left, one after another")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Where the soldiers a pullback withdraws go.</summary>
    public static readonly ParameterSpec PullbackRedeploy = new ParameterSpec("pullback_redeploy", 0, "destination", "seed: the transition should 'redeploy forces there to create ever-enlarging circles of safety'; the plan as announced folds soldiers into the Guard", 0, 1, "reserve (withdrawn soldiers leave public security and wait in reserve) or outward (they reinforce the regions the military still holds, in proportion to their soldiers)")
    { Kind = ValueKind.Choice, Words = ["reserve", "outward"] }.AsLever();

    /// <summary>All of them.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
        [GuardPersonnelStart, GuardPersonnelFull, GuardRampWeeks, GuardPlaces, GuardPlan, Posture, GuardPostureLow, GuardPostureMedium, GuardPostureHigh, MilitaryPersonnel, MilitaryPlaces, OperationStates, Pullback, PullbackFrom, PullbackMonths, PullbackRedeploy];

    /// <summary>The posture lever of an insecurity class ("low", "medium", "high").</summary>
    public static ParameterSpec PostureOfClass(string insecurityClass) => insecurityClass switch
    {
        "low" => GuardPostureLow,
        "medium" => GuardPostureMedium,
        "high" => GuardPostureHigh,
        _ => throw new ArgumentException($"unknown insecurity class '{insecurityClass}'", nameof(insecurityClass)),
    };

    /// <summary>The posture a class lever gives, or null where it follows guard_posture.</summary>
    public static GuardPosture? ClassPostureOf(Settings settings, string insecurityClass)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var word = settings.Whole(PostureOfClass(insecurityClass));
        return word == 0 ? null : (GuardPosture)(word - 1);
    }

    /// <summary>The Guard's posture in municipality <paramref name="municipality"/> in a period.</summary>
    public static GuardPosture PostureIn(PolicyPeriod period, int municipality)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Forces?.PostureIn?[municipality] ?? period.Settings.Choice<GuardPosture>(Posture);
    }

    private static ParameterSpec ClassPosture(string name) => new ParameterSpec($"guard_posture_{name}", 0, "posture", "per scenario", 0, 3, $"the Guard's posture in the plan's {name}-insecurity regions (needs guard_plan); as_guard_posture: the period's guard_posture")
    { Kind = ValueKind.Choice, Words = ClassPostureWords }.AsLever();
}
