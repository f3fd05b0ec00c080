namespace Paz.Simulation.Agents;

/// <summary>How the state chooses and hits criminal organizations (combinable: a mix of strategies).</summary>
[Flags]
public enum Targeting
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

/// <summary>How National Guard contingents work where they are deployed.</summary>
public enum GuardPosture
{
    /// <summary>Patrols: presence deters predation locally.</summary>
    Patrol,

    /// <summary>Proactive, intelligence-led policing: deters, and arrests the groups' members in the place and next door.</summary>
    Proactive,

    /// <summary>Static garrison: deters where it sits and pushes members into neighbouring municipalities.</summary>
    Garrison,
}

/// <summary>
/// The security policy in force, as the engine sees it. The baseline encodes 2015-2018: high-value
/// targeting of leaders (120 of 122 designated targets caught by 2018) and soldiers deployed where
/// violence is (arrests concentrated in violent municipalities), no amnesty.
/// </summary>
/// <param name="LeaderRemovalsPerWeek">Leaders removed per week nationally under high-value targeting.</param>
/// <param name="EnforcementFocus">How strongly arrests follow last month's homicide rate (0: spread evenly by members).</param>
public sealed record Policy(double LeaderRemovalsPerWeek, double EnforcementFocus = 0.5)
{
    /// <summary>The targeting strategy (default: high-value, the 2015-2018 policy).</summary>
    public Targeting Targeting { get; init; } = Targeting.HighValue;

    /// <summary>Groups to target first, by name or by the abbreviation in parentheses (e.g. CJNG); then the largest (or most violent).</summary>
    public IReadOnlyList<string> Priority { get; init; } = [];

    /// <summary>Target only the groups of the priority list (and their splinters), never fall back on others.</summary>
    public bool OnlyPriority { get; init; }

    /// <summary>Share of the target group's middle layer a sweep arrests.</summary>
    public double SweepShare { get; init; } = 0.8;

    /// <summary>Weeks of intelligence work a sweep needs before it can strike.</summary>
    public int IntelligenceWeeks { get; init; } = 26;

    /// <summary>Anti-corruption effort, 0-1: cuts intelligence leaks by this share (reached over <see cref="ReformWeeks"/>).</summary>
    public double AntiCorruption { get; init; }

    /// <summary>Weeks for reforms (anti-corruption) to reach full effect.</summary>
    public int ReformWeeks { get; init; } = 156;

    /// <summary>National Guard personnel when the policy takes effect (0: no Guard).</summary>
    public int GuardPersonnelStart { get; init; }

    /// <summary>National Guard personnel once phased in.</summary>
    public int GuardPersonnelFull { get; init; }

    /// <summary>Weeks over which the Guard grows from its start to its full strength.</summary>
    public int GuardRampWeeks { get; init; } = 156;

    /// <summary>The Guard's posture.</summary>
    public GuardPosture GuardPosture { get; init; } = GuardPosture.Patrol;

    /// <summary>Municipalities the Guard covers, the most violent of the last year first, personnel in proportion to their homicides.</summary>
    public int GuardPlaces { get; init; } = 266;

    /// <summary>An explicit deployment (municipality index → share of the personnel), used instead of <see cref="GuardPlaces"/>.</summary>
    public IReadOnlyDictionary<int, double>? GuardDeployment { get; init; }

    /// <summary>Deploy the Guard as <c>paz plan</c> does (regions, insecurity classes, contingents per class) instead of by last year's homicides; resolved from the data before the run.</summary>
    public bool GuardFromPlan { get; init; }

    /// <summary>Posture by the region's insecurity class ("low", "medium", "high") when the Guard is deployed by plan; other classes keep <see cref="GuardPosture"/>.</summary>
    public IReadOnlyDictionary<string, GuardPosture>? GuardPostureByClass { get; init; }

    /// <summary>The posture in each municipality, resolved from <see cref="GuardPostureByClass"/> and the plan's classes, or null: <see cref="GuardPosture"/> everywhere.</summary>
    public IReadOnlyList<GuardPosture>? GuardPostureIn { get; init; }

    /// <summary>The Guard's posture in municipality <paramref name="municipality"/>.</summary>
    public GuardPosture PostureIn(int municipality) => GuardPostureIn?[municipality] ?? GuardPosture;

    /// <summary>Region of each municipality when the Guard or the pullback follow <c>paz plan</c>'s regions (for reporting personnel by region), else null.</summary>
    public IReadOnlyList<int>? RegionOf { get; init; }

    /// <summary>Prosecutorial capacity relative to 2015-2018 (1: as then); convictions per state scale with it, reached over <see cref="ReformWeeks"/>.</summary>
    public double JusticeCapacity { get; init; } = 1;

    /// <summary>Soldiers deployed in public security (seed: "almost 53,000 soldiers" under Peña Nieto), in the most violent municipalities.</summary>
    public int MilitaryPersonnel { get; init; } = 53_000;

    /// <summary>Municipalities the soldiers cover, the most violent of the last year first, in proportion to their homicides.</summary>
    public int MilitaryPlaces { get; init; } = 266;

    /// <summary>The military's pullback from policing, or null (it stays).</summary>
    public MilitaryPullback? Pullback { get; init; }

    /// <summary>A later policy and the date it takes over (the plan's start: December 2018), or null.</summary>
    public PolicySwitch? Then { get; init; }

    /// <summary>The policy in force on <paramref name="date"/>.</summary>
    public Policy At(DateOnly date) => Then is { } next && date >= next.From ? next.Policy.At(date) : this;

    /// <summary>The Peña Nieto administration's policy, 2015-2018.</summary>
    public static Policy PenaNieto(EngineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new Policy(parameters.LeaderRemovalsPerWeek, 0.5);
    }
}

/// <summary>A change of policy on a date.</summary>
/// <param name="From">First day of the new policy.</param>
/// <param name="Policy">The new policy.</param>
public sealed record PolicySwitch(DateOnly From, Policy Policy);
