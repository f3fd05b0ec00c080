using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Consolidation: turf wars end when one side prevails.
/// Claim: violence between trafficking organizations is highest while a market is contested and falls once one
/// organization holds it alone — a "pax mafiosa" (Durán-Martínez 2015 and 2018, The Politics of Drug Violence; Ríos
/// 2013): Ciudad Juárez after the Sinaloa federation's victory over the Juárez cartel in 2010-2012, Tijuana after the
/// Arellano Félix split of 2008-2010, Nuevo León and Coahuila after the Gulf-Zetas war of 2010-2012. Without it the
/// engine's contests, once opened by a split or an expansion, never end: conflict kills a few members on each side
/// and recruitment refills them, so national violence can rise and hardly fall.
/// Each week, in every municipality where groups face each other, a group's cell there gives the place up with
/// probability consolidation_rate · (1 − 2r), r = its members / (its members + the strongest other group's members
/// there), when r &lt; ½: an even contest goes on, a lopsided one ends. Its free members move to the group's largest
/// cell elsewhere (a group that holds no other place stays and fights on).
/// Held when the run's explanations include <c>consolidation</c>; otherwise it draws nothing, so runs without it are
/// unchanged. Declares: consolidation_rate. Metric: places_given_up.
/// </summary>
public sealed class Consolidation : IMechanism
{
    /// <summary>Weekly chance that the weaker side of a lopsided contest gives the place up.</summary>
    public static readonly ParameterSpec ConsolidationRate = new("consolidation_rate", 0.01, "per week per contested cell (at a lopsided contest)", "assumed; calibrated where the consolidation explanation is held", 0, 0.5, "chance the weaker side of a contest gives the place up")
    { Prior = Prior.LogUniform(1e-3, 1e-1) };

    /// <summary>Cells that gave their place up to a stronger rival during the year.</summary>
    public static readonly MetricSpec PlacesGivenUp = new("places_given_up", "cells", MetricAggregation.Sum, "cells whose members left a contested place to a stronger rival (consolidation)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("consolidation", "turf wars end when one side prevails", [ConsolidationRate], () => new Consolidation());

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (!context.Settings.Holds(Explanation.Consolidation))
        {
            return;
        }

        var world = context.World;
        var random = context.Random;
        var rate = context.Settings[ConsolidationRate];
        var givenUp = 0;
        for (var m = 0; m < world.MunicipalityCount; m++)
        {
            var groups = world.GroupsIn[m];
            if (groups.Length < 2)
            {
                continue;
            }

            var free = world.FreeIn[m];
            var cells = world.CellsIn[m];
            // The two strongest sides: every other side's strongest rival is the first, the first's is the second.
            int first = -1, second = -1;
            for (var a = 0; a < groups.Length; a++)
            {
                if (first < 0 || free[a] > free[first])
                {
                    (first, second) = (a, first);
                }
                else if (second < 0 || free[a] > free[second])
                {
                    second = a;
                }
            }

            for (var a = 0; a < groups.Length; a++)
            {
                var rival = free[a == first ? second : first];
                var share = free[a] + rival > 0 ? free[a] / (double)(free[a] + rival) : 0.5;
                var c = cells[a];
                if (share >= 0.5 || world.SplitTo[c] >= 0 || random.NextDouble() >= rate * (1 - (2 * share)))
                {
                    continue;
                }

                var refuge = LargestOtherCell(world, groups[a], c);
                var leaving = world.Free[c] - world.Deaths[c] - world.Arrests[c] - world.Desist[c];
                if (refuge < 0 || leaving <= 0)
                {
                    continue;
                }

                world.MoveTarget[c] = world.CellPlace[refuge];
                world.Moves[c] = leaving;
                givenUp++;
            }
        }

        context.Metrics.Record(PlacesGivenUp, givenUp);
    }

    // The group's cell with the most free members other than `except`, or −1.
    private static int LargestOtherCell(Agents.World world, int group, int except)
    {
        var best = -1;
        foreach (var c in world.CellsOfGroup(group))
        {
            if (c != except && (best < 0 || world.Free[c] > world.Free[best]))
            {
                best = c;
            }
        }

        return best;
    }
}
