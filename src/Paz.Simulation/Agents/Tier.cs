namespace Paz.Simulation.Agents;

/// <summary>A member's place in the organization (DESIGN.md, "Actors").</summary>
public enum Tier : byte
{
    /// <summary>Halcones: watch and report; the entry rank.</summary>
    Lookout,

    /// <summary>Armed rank and file.</summary>
    FootSoldier,

    /// <summary>Plaza bosses, lieutenants, cell heads: the layer that recruits and regenerates a group.</summary>
    MiddleLayer,

    /// <summary>Leaders.</summary>
    Leader,
}

/// <summary>What became of a member.</summary>
public enum MemberStatus : byte
{
    /// <summary>Active in the group.</summary>
    Free,

    /// <summary>Arrested, awaiting trial in prison.</summary>
    PretrialDetained,

    /// <summary>Convicted and serving a sentence.</summary>
    Sentenced,

    /// <summary>Killed.</summary>
    Dead,

    /// <summary>Left the group.</summary>
    Desisted,

    /// <summary>A slot left behind by a member who moved to another place or group and goes on in a new slot (dropped at compaction).</summary>
    Moved,
}
