using Paz.Simulation.Engine;
using Paz.Core.Randomness;

namespace Paz.Simulation.Agents;

/// <summary>
/// The world at the start (January 2015): members placed where their groups were present and
/// violence was.
/// </summary>
/// <remarks>
/// Group sizes: the network's groups ordered by strength, group k with members ∝ 1/k^size_exponent
/// (1 is the aggregate model's split), summing to the aggregate model's membership at the start. The
/// network's 150 groups are a 2020 picture that lists many local gangs, while by 2015 "9 or as many as
/// 20" organizations were major (CRS R41576): at 1.5 the ten strongest hold 81% of members (52% at 1).
/// Presence is known by state only; the engine infers municipalities: a group holds about one
/// municipality per 60 members. Each state it is listed in pulls in proportion to (the state's
/// homicides in 2012-2014 + 1)^presence_violence_exponent (before the calibration window), shared among
/// the state's municipalities in proportion to the square of their own homicides + 1; places are drawn
/// by that weight (weighted sampling without replacement), and members go to each drawn state by its
/// pull and within it in proportion to the places' homicides (+1, so a quiet municipality can still be
/// held). A group's home state (<see cref="EngineInputs.HomeStates"/>, where it was based) weighs home_pull times
/// more, in the draw of its places and in its members' share of them. Tiers: leaders_per_group leaders, middle_share middle layer, 35% lookouts, the rest foot soldiers.
/// </remarks>
public static class InitialWorld
{
    /// <summary>Members per municipality a group holds on average at the start (assumed).</summary>
    public const double MembersPerPlace = 60;

    /// <summary>Most splinter groups a run can add to the network's (assumed; in the calibrated baseline they are all formed by 2019).</summary>
    public const int MaxSplinters = 150;

    /// <summary>Builds the starting world.</summary>
    public static World Build(EngineInputs inputs, Settings p, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(random);
        var network = inputs.Network;
        var world = new World(inputs.MunicipalityCount, network.Count + MaxSplinters, (int)(Math.Max(inputs.InitialMembers, p[WorldParameters.InitialMembers]) * 2.2))
        {
            Groups = network.Count,
        };
        for (var a = 0; a < network.Count; a++)
        {
            for (var b = a + 1; b < network.Count; b++)
            {
                world.SetRivalry(a, b, network.Rivalry(a, b));
            }
        }

        var order = inputs.SizeOrder ?? network.StrengthOrder;
        var initialMembers = p[WorldParameters.InitialMembers] > 0 ? p[WorldParameters.InitialMembers] : inputs.InitialMembers;
        var harmonic = Enumerable.Range(1, order.Count).Sum(k => 1.0 / Math.Pow(k, p[WorldParameters.SizeExponent]));
        var statesOf = inputs.GroupStates;
        var stateHistory = new double[inputs.States];
        var placeWeight = new double[inputs.MunicipalityCount];
        var stateWeight = new double[inputs.States];
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            stateHistory[inputs.StateOf[m]] += inputs.ViolenceHistory[m];
            placeWeight[m] = Math.Pow(inputs.ViolenceHistory[m] + 1, 2);
            stateWeight[inputs.StateOf[m]] += placeWeight[m];
        }

        // A state's pull on a group's members, P_s = (homicides 2012-2014 + 1)^presence_violence_exponent,
        // shared among its municipalities in proportion to (homicides + 1)²: a group listed in a state has
        // an operation there, however quiet the state was (at exponent 2 and above the most violent states
        // take nearly everything, as when places were drawn from the whole country by (homicides + 1)²).
        var pull = stateHistory.Select(h => Math.Pow(h + 1, p[WorldParameters.PresenceViolenceExponent])).ToArray();
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            var s = inputs.StateOf[m];
            placeWeight[m] *= pull[s] / stateWeight[s];
        }

        var inPlace = new double[inputs.States];
        var (sizeExponent, homePull, middleShare, leadersPerGroup) = (p[WorldParameters.SizeExponent], p[WorldParameters.HomePull], p[WorldParameters.MiddleShare], p.Whole(WorldParameters.LeadersPerGroup));
        var drawn = new (double Key, int Place)[inputs.MunicipalityCount];
        for (var rank = 0; rank < order.Count; rank++)
        {
            var g = order[rank];
            var size = (int)Math.Round(initialMembers / (Math.Pow(rank + 1, sizeExponent) * harmonic));
            var states = statesOf[g].ToHashSet();
            var home = HomeWeights(inputs, g, homePull);
            // Weighted sampling without replacement (Efraimidis-Spirakis keys u^(1/w)): violent places
            // are likelier, but groups do not all pile into the same few municipalities. A key is drawn for each
            // municipality of the group's states in index order; the places are those of the largest keys, ties
            // to the lower index.
            var listed = 0;
            for (var m = 0; m < inputs.MunicipalityCount; m++)
            {
                if (states.Contains(inputs.StateOf[m]))
                {
                    drawn[listed++] = (Math.Log(random.NextDouble()) / (placeWeight[m] * home[inputs.StateOf[m]]), m);
                }
            }

            if (listed == 0)
            {
                continue;
            }

            var keyed = drawn.AsSpan(0, listed);
            keyed.Sort(static (x, y) => y.Key.CompareTo(x.Key) is var byKey && byKey != 0 ? byKey : x.Place.CompareTo(y.Place));
            var candidates = new List<int>();
            foreach (var (_, place) in keyed[..Math.Min(listed, Math.Max(1, (int)Math.Round(size / MembersPerPlace)))])
            {
                candidates.Add(place);
            }

            // Members: each state holding a drawn place gets its pull P_s, spread over the drawn places
            // there in proportion to (homicides + 1).
            Array.Clear(inPlace);
            foreach (var m in candidates)
            {
                inPlace[inputs.StateOf[m]] += inputs.ViolenceHistory[m] + 1;
            }

            // Each member's place by inverse transform over the places' running totals (a binary search: the largest
            // groups have thousands of places and tens of thousands of members).
            var cumulative = candidates.Select(m => (inputs.ViolenceHistory[m] + 1) / inPlace[inputs.StateOf[m]] * pull[inputs.StateOf[m]] * home[inputs.StateOf[m]]).ToArray();
            for (var k = 1; k < cumulative.Length; k++)
            {
                cumulative[k] += cumulative[k - 1];
            }

            var total = cumulative[^1];
            var leaders = Math.Min(leadersPerGroup, size);
            for (var k = 0; k < size; k++)
            {
                var target = random.NextDouble() * total;
                var i = FirstReaching(cumulative, target);

                var tier = k < leaders ? Tier.Leader
                    : random.NextDouble() < middleShare ? Tier.MiddleLayer
                    : random.NextDouble() < 0.35 ? Tier.Lookout
                    : Tier.FootSoldier;
                world.Add(g, k < leaders ? candidates[0] : candidates[i], tier, (byte)(18 + random.NextInt(28)));
            }
        }

        return world;
    }

    // The first place whose running total reaches target (the last place when rounding leaves target above every total).
    private static int FirstReaching(double[] cumulative, double target)
    {
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (cumulative[mid] >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    // Each state's weight on a group's members: home_pull in the states it was based in, 1 elsewhere.
    private static double[] HomeWeights(EngineInputs inputs, int group, double homePull)
    {
        var weights = Enumerable.Repeat(1.0, inputs.States).ToArray();
        if (inputs.HomeStates is { } homes && group < homes.Count)
        {
            foreach (var s in homes[group])
            {
                weights[s] = homePull;
            }
        }

        return weights;
    }
}
