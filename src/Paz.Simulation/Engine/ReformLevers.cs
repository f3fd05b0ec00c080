using Paz.Core.Parameters;

namespace Paz.Simulation.Engine;

/// <summary>
/// Levers of the state's apparatus that several mechanisms read (intelligence leaks, convictions): the
/// anti-corruption effort and how long reforms take. They belong to no one mechanism, so removing a
/// mechanism never removes them.
/// </summary>
public static class ReformLevers
{
    /// <summary>Anti-corruption effort, 0-1.</summary>
    public static readonly ParameterSpec AntiCorruption = new ParameterSpec("anti_corruption", 0, "share of the apparatus cleaned", "assumed per scenario (seed: 'combatting corruption is a foundational element'; no anti-corruption prosecutor appointed)", 0, 1, "cuts intelligence leaks by this share and raises convictions, reached over reform_weeks")
        .AsLever();

    /// <summary>Weeks for reforms to reach full effect.</summary>
    public static readonly ParameterSpec ReformWeeks = new ParameterSpec("reform_weeks", 156, "weeks", "assumed (three years)", 1, 1040, "weeks for reforms (anti-corruption, justice capacity) to reach full effect, from the start of the period that sets them")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>All of them.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } = [AntiCorruption, ReformWeeks];

    /// <summary>
    /// Progress of the reforms in force, 0 when the timeline entry that set them (anti_corruption, reform_weeks, and
    /// any of <paramref name="alsoSetBy"/>) took effect and 1 after reform_weeks (unclamped).
    /// </summary>
    public static double Progress(WeekContext context, params ParameterSpec[] alsoSetBy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(alsoSetBy);
        return context.WeeksSinceChanged([AntiCorruption, ReformWeeks, .. alsoSetBy]) / (double)Math.Max(1, context.Settings.Whole(ReformWeeks));
    }
}
