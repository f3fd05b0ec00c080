using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// What National Guard contingents do where they are deployed, beyond being present.
/// Claims (seed, "The National Guard"; DESIGN.md mechanism 6): a static garrison only displaces crime to
/// neighbouring municipalities; proactive, intelligence-led policing produces arrests with evidence.
/// - Garrison: each week Poisson(garrison_displacement · members · (1 − deterrence factor)) of each
///   group's members there move to a neighbouring municipality (the most violent of the last year first:
///   where the market is).
/// - Proactive: Poisson(proactive_arrests · officers) arrests a week, shared over the cells of the groups
///   present, in the municipality and next door: the intelligence follows the groups' network, not the
///   map, so nothing is pushed next door.
/// The posture may differ by region (by the plan's insecurity class, <see cref="ResolvedForces.PostureIn"/>).
/// Reads the signals <see cref="WeekContext.GuardOfficers"/> and <see cref="WeekContext.Deterrence"/>.
/// Declares: garrison_displacement, proactive_arrests. Metric: proactive_arrests_made.
/// </summary>
public sealed class GuardOperations : IMechanism
{
    /// <summary>Share of a group's members in a garrisoned municipality pushed next door per week, at full deterrence.</summary>
    public static readonly ParameterSpec GarrisonDisplacement = new("garrison_displacement", 0.03, "share of members per week", "assumed (seed: a static garrison 'only displaces' crime)", 0, 0.3, "members pushed next door by a garrison")
    { Prior = Prior.Uniform(0, 0.1) };

    /// <summary>Arrests per proactive Guard officer per week.</summary>
    /// <remarks>
    /// Mexico's record: SEDENA detained 51,568 civilians for drug offences in 2006-2012 (CMDPDH, in
    /// data/history/published_aggregates.csv) with 48,458 soldiers a year assigned against organized crime in 2007-2012
    /// (data/history/national_security_forces_year_2006_2018.csv): 0.0034 detentions per soldier a week. A proactive
    /// officer's rate is taken as the soldiers', up to twice it (the prior; assumed): at the 150,000 officers the plan
    /// announces, about 26,500 arrests a year, three times SEDENA's 8,600.
    /// </remarks>
    public static readonly ParameterSpec ProactiveArrests = new("proactive_arrests", 0.0034, "arrests per officer per week", "SEDENA's detentions per soldier against organized crime, 2007-2012 (51,568 over 48,458 soldiers a year; data/history); up to twice it assumed", 0, 0.05, "arrests with evidence by proactive, intelligence-led policing")
    { Prior = Prior.Uniform(0, 0.007) };

    /// <summary>Arrests made by proactive contingents.</summary>
    public static readonly MetricSpec ProactiveArrestsMade = new("proactive_arrests_made", "arrests", MetricAggregation.Sum, "arrests by proactive Guard contingents");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("guard_operations", "a garrison displaces crime; proactive policing arrests with evidence", [GarrisonDisplacement, ProactiveArrests], () => new GuardOperations());

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (context.GuardOfficers is not { } officers || context.Deterrence is not { } deterrence)
        {
            return;
        }

        var world = context.World;
        var inputs = context.Inputs;
        var random = context.Random;
        var lastYear = context.LastYear;
        var displacement = context.Settings[GarrisonDisplacement];
        var arrestsPerOfficer = context.Settings[ProactiveArrests];
        // A contingent's cells are distinct active cells, so the world's per-cell scratch holds them.
        var (rates, _) = world.CellScratch();
        var hits = world.CellHits;
        var cells = new int[rates.Length];
        var present = new bool[world.MaxGroups];
        var arrests = 0;
        for (var m = 0; m < world.MunicipalityCount; m++)
        {
            if (officers[m] <= 0 || world.GroupsIn[m].Length == 0)
            {
                continue;
            }

            var posture = ForceLevers.PostureIn(context.Period, m);
            if (posture == GuardPosture.Garrison && inputs.Neighbours[m].Length > 0)
            {
                var target = MostViolent(inputs.Neighbours[m], lastYear);
                foreach (var c in world.CellsIn[m])
                {
                    var pushed = (int)random.Poisson(displacement * world.Free[c] * (1 - deterrence[m]));
                    world.Moves[c] = Math.Min(world.Moves[c] + pushed, world.Free[c]);
                    if (world.Moves[c] > 0)
                    {
                        world.MoveTarget[c] = target;
                    }
                }
            }
            else if (posture == GuardPosture.Proactive)
            {
                // The groups present here, where they are and next door, read from each place's columns of
                // groups, counts and cells laid out by the census.
                var around = inputs.Neighbours[m];
                foreach (var g in world.GroupsIn[m])
                {
                    present[g] = true;
                }

                var k = Exposed(world, m, present, cells, rates, 0);
                foreach (var n in around)
                {
                    k = Exposed(world, n, present, cells, rates, k);
                }

                foreach (var g in world.GroupsIn[m])
                {
                    present[g] = false;
                }

                // Arrests in each of those cells ~ Poisson(per member · members there), drawn as one Poisson
                // total scattered over the cells (the same law, one draw per arrest instead of one per cell).
                var exposed = 0.0;
                for (var i = 0; i < k; i++)
                {
                    exposed += rates[i];
                }

                var perMember = arrestsPerOfficer * officers[m] / exposed;
                for (var i = 0; i < k; i++)
                {
                    rates[i] *= perMember;
                }

                arrests += random.PoissonScatter(rates.AsSpan(0, k), hits);
                for (var h = 0; h < hits.Count; h++)
                {
                    var c = cells[hits.Items[h]];
                    world.Arrests[c] = Math.Min(world.Arrests[c] + hits.Counts[h], world.Free[c] - world.Deaths[c]);
                }
            }
        }

        context.Metrics.Record(ProactiveArrestsMade, arrests);
    }

    // Lists the cells of the present groups in municipality m, with their members; returns the new count.
    private static int Exposed(World world, int m, bool[] present, int[] cells, double[] members, int k)
    {
        var groups = world.GroupsIn[m];
        var free = world.FreeIn[m];
        var placed = world.CellsIn[m];
        for (var j = 0; j < groups.Length; j++)
        {
            if (present[groups[j]])
            {
                cells[k] = placed[j];
                members[k] = free[j];
                k++;
            }
        }

        return k;
    }

    // The neighbour with most homicides in the last year (ties: the lowest index), without sorting.
    private static int MostViolent(int[] neighbours, double[] lastYear)
    {
        var best = neighbours[0];
        foreach (var n in neighbours)
        {
            if (lastYear[n] > lastYear[best] || (lastYear[n] == lastYear[best] && n < best))
            {
                best = n;
            }
        }

        return best;
    }
}
