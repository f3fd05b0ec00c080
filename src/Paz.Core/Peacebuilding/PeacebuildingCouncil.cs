using Paz.Core.Territory;

namespace Paz.Core.Peacebuilding;

/// <summary>Where a council sits: a Guard region (all its municipalities) or one municipality.</summary>
public enum CouncilScope
{
    /// <summary>One council for a Guard region.</summary>
    Region,

    /// <summary>One council for a municipality.</summary>
    Municipality,
}

/// <summary>One Peacebuilding Council as a council file declares it.</summary>
/// <param name="Id">The council's name in the file.</param>
/// <param name="Composition">The composition rules it was checked against.</param>
/// <param name="Scope">Whether it sits for a region or a municipality.</param>
/// <param name="Place">The municipality it sits for, or (scope region) one municipality of its region.</param>
/// <param name="Members">Its seats, one role per member.</param>
public sealed record PeacebuildingCouncil(string Id, CouncilComposition Composition, CouncilScope Scope, MunicipalityCode Place, IReadOnlyList<CouncilRole> Members);
