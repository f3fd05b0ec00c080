using Paz.Simulation.Agents;

namespace Paz.Simulation.Engine;

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
/// What a period's force levers come to once resolved from the data before the run (Paz.Planning's
/// regions and transition plan): derived per run, kept apart from the levers a scenario states.
/// </summary>
public sealed record ResolvedForces
{
    /// <summary>An explicit deployment (municipality index → share of the Guard's personnel), or null: by last year's homicides.</summary>
    public IReadOnlyDictionary<int, double>? GuardDeployment { get; init; }

    /// <summary>The Guard's posture in each municipality (by the plan's insecurity classes), or null: the period's posture everywhere.</summary>
    public IReadOnlyList<GuardPosture>? PostureIn { get; init; }

    /// <summary>Region of each municipality when the Guard or the pullback follow the plan's regions, else null.</summary>
    public IReadOnlyList<int>? RegionOf { get; init; }

    /// <summary>The military's pullback with its regions and exit dates, or null: the military stays.</summary>
    public MilitaryPullback? Pullback { get; init; }
}
