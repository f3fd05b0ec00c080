using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Organizations spread by taking in local groups. Claim: the large organizations of 2010-2018 reached new states less by
/// sending their own gunmen than by affiliating the local groups already there, which took their name — CJNG, which MCO
/// lists in 3 states as Milenio's branch in 2007 and in 20 from 2010, and CIDE-PPD's compilation in 28 in 2018; the seed's
/// "more than 10 smaller groups ... whose affiliations with the Sinaloa Cartel, the Tijuana Nueva Generación Cartel, and
/// CJNG are not stable". An organization's size is then not what it recruited where it began, but where it is named.
/// - When the scenario's <c>presence_of</c> names a year of the record (<see cref="EngineInputs.RecordedPresence"/>:
///   CIDE-PPD's compilation of 2015, 2017 and 2018, data/groups; MCO's years date names, not arrivals), every
///   organization the record lists in a state where it has no free members (its splinters counted with it), and which
///   has members somewhere, gains <c>presence_foothold</c> members
///   there: a plaza boss (middle layer) and foot soldiers, in its largest group, at the state's municipality with the most
///   homicides before the start (where local groups were). An organization absent everywhere gains none (a new entrant is
///   the explanation emergence's, <see cref="RecordedWars"/>).
/// - It acts once per year of the record, when <c>presence_of</c> changes; it uses no random draws.
/// - Only under the explanation franchise (<see cref="Explanation.Franchise"/>); without it, at presence_foothold 0 or
///   with <c>presence_of</c> 0, nobody joins.
/// The lever records outcomes, not policy (<see cref="ParameterSpec.Recorded"/>): a backtest holds <c>presence_of</c> at
/// its origin's year, so a forecast knows where organizations were at the origin, not where they went later.
/// Declares: presence_of, presence_foothold. Metric: presence_footholds.
/// </summary>
public sealed class RecordedFootholds : IMechanism
{
    /// <summary>The year of the record of presence whose footholds form in the period (0: none).</summary>
    public static readonly ParameterSpec PresenceOf = new ParameterSpec("presence_of", 0, "year", "recorded: the states CIDE-PPD's compilation (2015, 2017, 2018) lists each organization in that year (data/groups)", 0, 2100, "the year of the record of where organizations were, whose footholds form in the period (0: none)")
    { Kind = ValueKind.Whole, Switchable = true, Recorded = true };

    /// <summary>Members a foothold forms with.</summary>
    public static readonly ParameterSpec Foothold = new("presence_foothold", 100, "members", "assumed; how many members the local groups that took an organization's name brought was described, not counted", 0, 1000, "members that join an organization, under its name, in a state the record lists it in and where it has none, under the explanation franchise")
    { Prior = Prior.LogUniform(10, 500) };

    /// <summary>Members that joined organizations in states the record lists them in.</summary>
    public static readonly MetricSpec Joined = new("presence_footholds", "members", MetricAggregation.Sum, "members that joined an organization in a state the record lists it in and where it had none (explanation franchise)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("recorded_footholds", "organizations take in local groups in the states the record lists them in", [PresenceOf, Foothold], () => new RecordedFootholds());

    private int _year;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var year = (int)context.Settings[PresenceOf];
        if (year == _year)
        {
            return;
        }

        _year = year;
        var size = context.Settings.Whole(Foothold);
        if (!context.Settings.Holds(Explanation.Franchise) || size <= 0 || !context.Inputs.RecordedPresence.TryGetValue(year, out var listed))
        {
            return;
        }

        context.Metrics.Record(Joined, Join(context.World, context.Inputs, listed, size));
    }

    // Every organization listed in a state where it has no free members, and members somewhere, gains `size` there.
    private static int Join(World world, EngineInputs inputs, IReadOnlyList<int[]> listed, int size)
    {
        var organizations = inputs.Network.Count;
        var present = new bool[organizations, inputs.States];
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            foreach (var g in world.GroupsIn[m])
            {
                var organization = world.OrganizationOf(g, organizations);
                if (organization >= 0 && organization < organizations && world.FreeOf(g, m) > 0)
                {
                    present[organization, inputs.StateOf[m]] = true;
                }
            }
        }

        var largest = LargestGroups(world, organizations);
        var place = MostViolentPlaces(inputs);
        var joined = 0;
        for (var o = 0; o < Math.Min(organizations, listed.Count); o++)
        {
            if (largest[o] < 0)
            {
                continue;
            }

            foreach (var state in listed[o])
            {
                if (present[o, state] || place[state] < 0)
                {
                    continue;
                }

                for (var k = 0; k < size; k++)
                {
                    world.Add(largest[o], place[state], k == 0 ? Tier.MiddleLayer : Tier.FootSoldier, RecordedWars.FoundingAge);
                }

                joined += size;
            }
        }

        return joined;
    }

    // Each organization's group (itself or a splinter of it) with the most members, or −1: none has any.
    private static int[] LargestGroups(World world, int organizations)
    {
        var largest = Enumerable.Repeat(-1, organizations).ToArray();
        for (var g = 0; g < world.Groups; g++)
        {
            var organization = world.OrganizationOf(g, organizations);
            if (organization < 0 || organization >= organizations || world.GroupMembers[g] <= 0)
            {
                continue;
            }

            if (largest[organization] < 0 || world.GroupMembers[g] > world.GroupMembers[largest[organization]])
            {
                largest[organization] = g;
            }
        }

        return largest;
    }

    // Each state's municipality with the most homicides before the start (−1: a state without municipalities).
    private static int[] MostViolentPlaces(EngineInputs inputs)
    {
        var place = Enumerable.Repeat(-1, inputs.States).ToArray();
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            var s = inputs.StateOf[m];
            if (place[s] < 0 || inputs.ViolenceHistory[m] > inputs.ViolenceHistory[place[s]])
            {
                place[s] = m;
            }
        }

        return place;
    }
}
