namespace Paz.Core.Peacebuilding;

/// <summary>A seat on a Peacebuilding Council.</summary>
public enum CouncilRole
{
    /// <summary>A representative of the federal, state or municipal government.</summary>
    Government,

    /// <summary>A member from civil society (victims' groups, churches, business, NGOs).</summary>
    CivilSociety,

    /// <summary>A representative of the National or a state Human Rights Commission sitting as a guest, without a vote.</summary>
    HumanRightsGuest,

    /// <summary>A representative of a Human Rights Commission sitting as an equal, voting member.</summary>
    HumanRightsMember,

    /// <summary>An observer of the United Nations.</summary>
    UnObserver,
}

/// <summary>The words council files use for <see cref="CouncilRole"/>.</summary>
public static class CouncilRoles
{
    private static readonly (string Word, CouncilRole Role)[] All =
    [
        ("government", CouncilRole.Government),
        ("civil_society", CouncilRole.CivilSociety),
        ("human_rights_guest", CouncilRole.HumanRightsGuest),
        ("human_rights_member", CouncilRole.HumanRightsMember),
        ("un_observer", CouncilRole.UnObserver),
    ];

    /// <summary>Every word a council file may use, in documentation order.</summary>
    public static IReadOnlyList<string> Words { get; } = [.. All.Select(a => a.Word)];

    /// <summary>The role a word names, or null when no role has that name.</summary>
    public static CouncilRole? Parse(string word) => All.FirstOrDefault(a => a.Word == word) is var (w, role) && w is not null ? role : null;

    /// <summary>The word for a role.</summary>
    public static string Word(this CouncilRole role) => All.First(a => a.Role == role).Word;
}
