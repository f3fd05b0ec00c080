using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Organizations send fighters to their wars. Claim: the wars of 2008-2018 were fought by gunmen brought to the contested
/// plazas from the organizations' other territories — Sinaloa's to Ciudad Juárez from 2008, the Zetas' and the Gulf's
/// across the north-east from 2010, CJNG's to Colima, Guanajuato and Baja California from 2015 (UCDP's record of where
/// each war was fought, data/history/ucdp_ged_mexico_dyad_state_year_2006_2018.csv, is the record of where they went) —
/// so the violence of a war is where it was fought, not where the organizations happened to be before it.
/// - Each week, on every front of a recorded war (<see cref="WeekContext.Wars"/>, <see cref="RecordedWars"/>), a side
///   outnumbered there by the strongest enemy it fights there closes war_reinforcement × g of the gap, g the front's life
///   cycle (1 without the explanation lifecycle, <see cref="WarMobilization.FightingOn"/>): a waning war draws fewer.
///   It builds on its foothold: no more than war_reinforcement × g of its own members there a week, so a few gunmen in
///   the enemy's heartland (the record has the Zetas and the Juárez organization fighting in Sinaloa state, a few deaths a
///   year) do not draw thousands, while a front it holds in strength (Sinaloa's in Chihuahua) grows as fast as it fights.
/// - The members come from its rear — its cells in states where it fights no recorded war — largest cell first, at most
///   half a cell a week, and go to the front's municipality where its own largest cell there is (where it holds ground).
///   A side with no rear, or with no one at the front yet (<see cref="RecordedWars"/>' arrival brings the first), sends none.
/// - Only under the explanation reinforcement (<see cref="Explanation.Reinforcement"/>); without it, at
///   war_reinforcement 0 or with no recorded war, nobody moves.
/// Declares: war_reinforcement. Metric: war_reinforcements.
/// </summary>
public sealed class WarReinforcements : IMechanism
{
    /// <summary>Share of the gap to the strongest enemy on a front that an outnumbered side closes in a week, at the front's peak; never more than that share of its own members there.</summary>
    public static readonly ParameterSpec Reinforcement = new("war_reinforcement", 0.02, "share of the gap (at most of its own members at the front) closed per week, at the front's peak", "assumed; fitted where the explanation reinforcement is held (how fast organizations brought gunmen to a war was described, not counted)", 0, 1, "how fast a side outnumbered on a front of a recorded war brings members there from states where it fights no war")
    { Prior = Prior.Uniform(0, 0.1) };

    /// <summary>Members sent to fronts.</summary>
    public static readonly MetricSpec Sent = new("war_reinforcements", "members", MetricAggregation.Sum, "members sent from states where their side fights no recorded war to a front where it is outnumbered (explanation reinforcement)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("war_reinforcements", "organizations send fighters from their rear to the fronts where they are outnumbered", [Reinforcement], () => new WarReinforcements());

    private double[,] _strength = new double[0, 0];
    private int[,] _holding = new int[0, 0];
    private List<int>[] _rear = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var rate = context.Settings[Reinforcement];
        var wars = context.Wars;
        if (!context.Settings.Holds(Explanation.Reinforcement) || rate <= 0 || wars is null || wars.Sides == 0)
        {
            return;
        }

        var world = context.World;
        var fronts = wars.Enemies.Length;
        Count(world, wars, fronts);
        var rear = Rear(world, wars);
        var rivalry = context.Settings[RecordedWars.WarRivalry];
        var sent = 0;
        for (var f = 0; f < fronts; f++)
        {
            for (var side = 0; side < wars.Sides; side++)
            {
                var enemies = wars.Enemies[f][side];
                if (enemies.Length == 0 || _holding[f, side] < 0)
                {
                    continue;
                }

                var strongest = 0.0;
                foreach (var enemy in enemies)
                {
                    strongest = Math.Max(strongest, _strength[f, enemy]);
                }

                var gap = strongest - _strength[f, side];
                if (gap <= 0)
                {
                    continue;
                }

                var fighting = WarMobilization.FightingOn(wars, f, side, rivalry);
                // A side builds on the foothold it holds: it sends no more than it has there, so a few gunmen in the enemy's
                // heartland (the Zetas in Sinaloa) do not draw thousands, while a war it is fighting in earnest does.
                sent += Send(world, rear[side], world.CellPlace[_holding[f, side]], (int)Math.Round(rate * fighting * Math.Min(gap, _strength[f, side])));
            }
        }

        context.Metrics.Record(Sent, sent);
    }

    // Each side's free members on each front, and its largest cell there (−1: none).
    private void Count(Agents.World world, WarFronts wars, int fronts)
    {
        if (_strength.GetLength(0) != fronts || _strength.GetLength(1) != wars.Sides)
        {
            _strength = new double[fronts, wars.Sides];
            _holding = new int[fronts, wars.Sides];
        }

        Array.Clear(_strength);
        for (var f = 0; f < fronts; f++)
        {
            for (var s = 0; s < wars.Sides; s++)
            {
                _holding[f, s] = -1;
            }
        }

        for (var c = 0; c < world.Cells; c++)
        {
            var (front, side) = Position(wars, world, c);
            if (front < 0 || side < 0 || world.Free[c] <= 0)
            {
                continue;
            }

            _strength[front, side] += world.Free[c];
            if (_holding[front, side] < 0 || world.Free[c] > world.Free[_holding[front, side]])
            {
                _holding[front, side] = c;
            }
        }
    }

    // Per side, its cells where it fights no recorded war, largest first (ties to the lower cell).
    private List<int>[] Rear(Agents.World world, WarFronts wars)
    {
        if (_rear.Length != wars.Sides)
        {
            _rear = [.. Enumerable.Range(0, wars.Sides).Select(_ => new List<int>())];
        }

        var rear = _rear;
        foreach (var cells in rear)
        {
            cells.Clear();
        }

        for (var c = 0; c < world.Cells; c++)
        {
            var (front, side) = Position(wars, world, c);
            if (side < 0 || world.Free[c] < 2)
            {
                continue;
            }

            if (front < 0 || wars.Enemies[front][side].Length == 0)
            {
                rear[side].Add(c);
            }
        }

        foreach (var cells in rear)
        {
            cells.Sort((x, y) => world.Free[y] != world.Free[x] ? world.Free[y].CompareTo(world.Free[x]) : x.CompareTo(y));
        }

        return rear;
    }

    // Up to `wanted` members from the rear's cells without a move this week (half a cell at most) to `place`.
    private static int Send(Agents.World world, List<int> rear, int place, int wanted)
    {
        var sent = 0;
        foreach (var c in rear)
        {
            if (sent >= wanted)
            {
                break;
            }

            if (world.Moves[c] > 0)
            {
                continue; // a cell moves toward one place a week
            }

            var moving = Math.Min(wanted - sent, world.Free[c] / 2);
            if (moving <= 0)
            {
                continue;
            }

            world.MoveTarget[c] = place;
            world.Moves[c] = moving;
            sent += moving;
        }

        return sent;
    }

    // A cell's front (−1: none) and its group's side (−1: none).
    private static (int Front, int Side) Position(WarFronts wars, Agents.World world, int cell) =>
        (wars.FrontOf[world.CellPlace[cell]], wars.SideOfGroup(world.CellGroup[cell]));
}
