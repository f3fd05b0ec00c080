namespace Paz.Simulation.Engine;

/// <summary>How the military leaves public security.</summary>
public enum PullbackPlan
{
    /// <summary>No pullback: the military stays.</summary>
    None,

    /// <summary>On a schedule: region after region, evenly over the span, whatever their violence and police.</summary>
    Schedule,

    /// <summary>The concentric-circles plan of <c>paz plan transition</c>: only regions that meet its entry conditions, in phases outward from safe cores, after joint patrols, keeping a reserve that re-intervenes when violence returns.</summary>
    Transition,
}

/// <summary>Where the soldiers a pullback withdraws go.</summary>
public enum PullbackRedeployment
{
    /// <summary>They leave public security and wait in reserve (counted, not deployed).</summary>
    Reserve,

    /// <summary>They reinforce the places the military still holds, in proportion to the soldiers there.</summary>
    Outward,
}

/// <summary>
/// The military's pullback from policing. The scenario states the kind, start and span; the regions and
/// each region's exit date are resolved from the data (<c>ForcePlans</c>, in Paz.Planning)
/// before the engine runs, so the engine itself reads no plan files.
/// </summary>
/// <param name="Plan">Schedule or transition plan.</param>
/// <param name="From">First exit (schedule) or the plan's start (transition: first joint patrols).</param>
/// <param name="Months">Schedule: months over which all regions are left, one after another.</param>
public sealed record MilitaryPullback(PullbackPlan Plan, DateOnly From, int Months)
{
    /// <summary>Region of each municipality (index order), or null until resolved.</summary>
    public IReadOnlyList<int>? RegionOf { get; init; }

    /// <summary>Date the military leaves each region (null: it stays), or null until resolved.</summary>
    public IReadOnlyList<DateOnly?>? Exit { get; init; }

    /// <summary>Date the joint patrols of soldiers and civilian police begin in each region (null: none), or null when the plan has none (a schedule).</summary>
    public IReadOnlyList<DateOnly?>? JointFrom { get; init; }

    /// <summary>Share of a region's soldiers kept in reserve after the exit.</summary>
    public double Reserve { get; init; }

    /// <summary>Annualized homicides per 100,000 above which, at two consecutive monthly reviews, the military returns to a region it left (infinite: never).</summary>
    public double ReentryRate { get; init; } = double.PositiveInfinity;

    /// <summary>Whether the regions and exits have been resolved.</summary>
    public bool Resolved => RegionOf is not null && Exit is not null;
}
