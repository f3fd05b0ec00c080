using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Hand-built synthetic worlds for mechanism tests (not real data).</summary>
internal static class SmallWorld
{
    /// <summary>A world of <paramref name="places"/> municipalities holding the given groups.</summary>
    public static World With(int places, params (int Group, int Place, int Members, int Middle, int Leaders)[] cells)
    {
        var world = new World(places, 16, 4096) { Groups = cells.Max(c => c.Group) + 1 };
        foreach (var (g, m, members, middle, leaders) in cells)
        {
            for (var k = 0; k < members; k++)
            {
                var tier = k < leaders ? Tier.Leader : k < leaders + middle ? Tier.MiddleLayer : Tier.FootSoldier;
                world.Add(g, m, tier, 25);
            }
        }

        world.Census();
        return world;
    }

    /// <summary>Synthetic inputs for <paramref name="places"/> municipalities in a row (one state, 100,000 people each), with the given at-risk pools (default: all 1).</summary>
    public static EngineInputs Inputs(int places, double[]? pool = null) => new(
        [.. Enumerable.Range(0, places).Select(m => $"01{m + 1:000}")],
        new int[places],
        1,
        [.. Enumerable.Range(0, places).Select(m => new[] { m - 1, m + 1 }.Where(n => n >= 0 && n < places).ToArray())],
        2015,
        [[.. Enumerable.Repeat(100_000.0, places)]],
        pool ?? [.. Enumerable.Repeat(1.0, places)],
        new double[places],
        new Core.Organizations.GroupNetwork([new("N1", "A", "Aguascalientes", "A")], [], []),
        [[0]],
        0,
        new DateOnly(2015, 1, 1));

    /// <summary>
    /// Synthetic inputs of the recorded wars' tests: three organizations of the network (A, B, C), none listed as rivals, in
    /// <paramref name="places"/> municipalities, each its own state, with the given wars on the record.
    /// </summary>
    public static EngineInputs AtWar(int places, params RecordedWar[] wars) => Inputs(places) with
    {
        StateOf = [.. Enumerable.Range(0, places)],
        States = places,
        Network = new Core.Organizations.GroupNetwork([new("N1", "A", "Aguascalientes", "A"), new("N2", "B", "Aguascalientes", "B"), new("N3", "C", "Aguascalientes", "C")], [], []),
        RecordedWars = wars,
    };

    /// <summary>
    /// Conflict killings per place over many independent weeks of two rival groups of 400 in each of two places, with
    /// <paramref name="signal"/> (a mechanism publishing a multiplier) run before conflict each week.
    /// </summary>
    public static double[] ConflictKillingsByPlace(EngineInputs inputs, Settings settings, Func<IMechanism> signal, ulong seed, int weeks = 400)
    {
        var random = new Xoshiro256StarStar(seed);
        var total = new double[2];
        for (var week = 0; week < weeks; week++)
        {
            var world = With(2, (0, 0, 400, 40, 1), (1, 0, 400, 40, 1), (0, 1, 400, 40, 1), (1, 1, 400, 40, 1));
            var context = WeekContext.For(world, inputs, settings, random);
            signal().Step(context);
            new Mechanisms.TerritorialConflict().Step(context);
            total[0] += context.Homicides[0];
            total[1] += context.Homicides[1];
        }

        return total;
    }

    /// <summary>A context on <paramref name="world"/> for running mechanisms by hand.</summary>
    public static WeekContext Context(World world, Settings settings, Xoshiro256StarStar random, double[]? pool = null) =>
        WeekContext.For(world, Inputs(world.MunicipalityCount, pool), settings, random);
}
