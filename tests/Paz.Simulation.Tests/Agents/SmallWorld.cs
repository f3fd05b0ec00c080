using Paz.Simulation.Agents;

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
}
