namespace Paz.Simulation.Agents;

/// <summary>What happened to members in one week's <see cref="World.ApplyEvents"/>.</summary>
public sealed class WeekEvents
{
    /// <summary>Members killed.</summary>
    public int MemberDeaths { get; set; }

    /// <summary>Members arrested (all tiers).</summary>
    public int Arrests { get; set; }

    /// <summary>Leaders removed by targeting.</summary>
    public int LeadersRemoved { get; set; }

    /// <summary>Middle-layer members arrested in sweeps.</summary>
    public int MiddleRemoved { get; set; }

    /// <summary>Arrests this week by tier (indexed by <see cref="Tier"/>: lookouts, foot soldiers, middle layer, leaders).</summary>
    public int[] ArrestsByTier { get; } = new int[4];

    /// <summary>Members who left their group.</summary>
    public int Desisted { get; set; }

    /// <summary>Detainees convicted.</summary>
    public int Convictions { get; set; }

    /// <summary>Detainees and prisoners released back to their groups.</summary>
    public int Releases { get; set; }
}
