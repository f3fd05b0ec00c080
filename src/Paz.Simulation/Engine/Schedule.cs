using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Engine;

/// <summary>
/// The engine's weekly schedule: the mechanisms in the order they run each week (Agents.jl's
/// model_step!, MASON's schedule). Adding a mechanism is one line here; removing one is removing its
/// line and its file. The order matters where one mechanism reads what an earlier one decided this week
/// (arrests before conflict, conflict before predation's cap on movers...), and it fixes the order of the
/// random draws, so a reordering changes results.
/// </summary>
public static class Schedule
{
    /// <summary>The registered mechanisms, in weekly order.</summary>
    public static IReadOnlyList<MechanismInfo> Mechanisms { get; } =
    [
        Breakaways.Info,
        RecordedWars.Info,
        RecordedFootholds.Info,
        Enforcement.Info,
        Targeting.Info,
        Justice.Info,
        CoordinationCommittees.Info,
        Amnesty.Info,
        Prosecution.Info,
        Prisons.Info,
        SuccessionCrises.Info,
        Policing.Info,
        JointPatrols.Info,
        UniformedPresence.Info,
        JointOperations.Info,
        DrugPolicy.Info,
        Rackets.Info,
        MarketValue.Info,
        Exclusion.Info,
        TerritorialConflict.Info,
        Succession.Info,
        Fission.Info,
        Saturation.Info,
        Expansion.Info,
        Consolidation.Info,
        WarReinforcements.Info,
        GuardOperations.Info,
        Predation.Info,
        Militias.Info,
        Councils.Info,
        NonMemberHomicides.Info,
        HumanRights.Info,
        SearchProgramme.Info,
        RecruitCapacity.Info,
        WarMobilization.Info,
        YouthProgrammes.Info,
    ];

    /// <summary>Mechanisms that run after the week's events have befallen members (they add members).</summary>
    public static IReadOnlyList<MechanismInfo> AfterEvents { get; } =
    [
        Recruitment.Info,
        PrisonRecruitment.Info,
    ];
}
