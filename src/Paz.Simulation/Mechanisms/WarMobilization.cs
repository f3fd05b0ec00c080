using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Groups at war recruit for it. Claims: violence in Mexico rose with the wars between organizations and their armed
/// wings (the seed: the groups "recruit young people" to fight for territory; Los Zetas and the cartels' armed wings grew
/// by recruiting during the wars of 2008-2012), so a group fighting a war the record shows raises fighters where it
/// fights, and stops when the war there ends or wanes.
/// - A cell (a group in a municipality) on a front of a recorded war — its side at war in the municipality's state
///   (<see cref="WeekContext.Wars"/>, <see cref="RecordedWars"/>) — recruits at (1 + war_mobilization × g) times its
///   rate, g the front's life cycle (the pair's weight over war_rivalry, the strongest of its side's wars there; 1
///   without the explanation lifecycle): mobilization follows the fighting.
/// - Only under the explanation mobilization (<see cref="Explanation.Mobilization"/>); without it, at war_mobilization 0
///   or with no recorded war, recruitment is as it was (the signal is null).
/// Declares: war_mobilization. Signal: <see cref="WeekContext.Mobilization"/>, read by <see cref="Recruitment"/>.
/// </summary>
public sealed class WarMobilization : IMechanism
{
    /// <summary>Relative rise of recruitment in a cell on a front of a recorded war, at the front's peak.</summary>
    public static readonly ParameterSpec Mobilization = new("war_mobilization", 1, "relative rise of recruitment on a front, at its peak", "assumed; tried in the history replay, not held there (docs/validity.md)", 0, 10, "how much faster a group recruits where the record shows it at war")
    { Prior = Prior.Uniform(0, 8) };

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("war_mobilization", "groups at war recruit for it where they fight", [Mobilization], () => new WarMobilization());

    private double[] _factor = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var mobilization = context.Settings[Mobilization];
        var wars = context.Wars;
        if (!context.Settings.Holds(Explanation.Mobilization) || mobilization <= 0 || wars is null)
        {
            context.Mobilization = null;
            return;
        }

        var world = context.World;
        if (_factor.Length <= world.Cells)
        {
            _factor = new double[Math.Max(world.Cells * 2, 1024)];
            Array.Fill(_factor, 1); // cells are numbered upward: those past the ones set below have never been set
        }

        // Every cell numbered so far, active or not: recruitment runs after the week's events, when members who moved
        // may have made a cell active; a cell numbered later this week recruits at its plain rate (1) in its first week.
        var rivalry = context.Settings[RecordedWars.WarRivalry];
        for (var c = 0; c < world.Cells; c++)
        {
            _factor[c] = 1 + (mobilization * Fighting(wars, world.CellGroup[c], world.CellPlace[c], rivalry));
        }

        context.Mobilization = _factor;
    }

    /// <summary>How hard a group's side fights on the front of a municipality, 0 to 1: the strongest of its wars there through the front's life cycle (1 at the peak), 0 off every front.</summary>
    public static double Fighting(WarFronts wars, int group, int place, double rivalry)
    {
        ArgumentNullException.ThrowIfNull(wars);
        return FightingOn(wars, wars.FrontOf[place], wars.SideOfGroup(group), rivalry);
    }

    /// <summary>How hard <paramref name="side"/> fights on <paramref name="front"/>, 0 to 1 (either −1: 0).</summary>
    public static double FightingOn(WarFronts wars, int front, int side, double rivalry)
    {
        ArgumentNullException.ThrowIfNull(wars);
        if (front < 0 || side < 0 || wars.Enemies[front][side].Length == 0)
        {
            return 0;
        }

        if (rivalry <= 0)
        {
            return 1;
        }

        var strongest = 0.0;
        foreach (var weight in wars.Weights[front][side])
        {
            strongest = Math.Max(strongest, weight);
        }

        return Math.Min(1, strongest / rivalry);
    }
}
