namespace Paz.Core.Amnesty;

/// <summary>What a rule does to a decision.</summary>
public enum RuleKind
{
    /// <summary>Must hold for the case: false makes it ineligible, unknown sends it to review.</summary>
    Gate,

    /// <summary>Must not hold: true makes the case ineligible, unknown sends it to review.</summary>
    Exclusion,

    /// <summary>Evaluated per offence: every offence needs a ground that holds.</summary>
    Ground,

    /// <summary>When it holds, a person must decide (the case needs review).</summary>
    Review,
}

/// <summary>One rule of a rule set.</summary>
/// <param name="Id">Stable identifier, cited in decisions (e.g. <c>art2-firearm</c>).</param>
/// <param name="Kind">Its effect on the decision.</param>
/// <param name="Text">The rule in words, as a clerk reads it aloud.</param>
/// <param name="Source">Where it comes from (article, seed passage).</param>
/// <param name="When">The condition.</param>
/// <param name="Line">Line in the rule file (0 when built in code).</param>
public sealed record Rule(string Id, RuleKind Kind, string Text, string Source, Condition When, int Line = 0);

/// <summary>What a granted applicant must do, where the rule set requires it.</summary>
public enum ObligationKind
{
    /// <summary>Disclose the offences fully.</summary>
    Disclosure,

    /// <summary>Testify in judicial and truth-telling processes.</summary>
    Testimony,

    /// <summary>Turn over illegally obtained assets.</summary>
    AssetSurrender,

    /// <summary>Community service, in hours.</summary>
    CommunityService,

    /// <summary>Carry no weapons.</summary>
    NoWeapons,

    /// <summary>Repair the damage to victims.</summary>
    Reparation,

    /// <summary>Face the victims in a hearing where they state their grievances.</summary>
    VictimsHearing,

    /// <summary>Stop associating with criminal groups.</summary>
    LeaveGroup,

    /// <summary>Commit no new offence (a no-repetition clause).</summary>
    NoNewOffence,
}

/// <summary>An obligation attached to a grant.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Text">In words.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Hours">Hours of community service, where the kind has hours.</param>
/// <param name="When">When it applies (null: always).</param>
public sealed record Obligation(string Id, ObligationKind Kind, string Text, string Source, double Hours = 0, Condition? When = null);

/// <summary>
/// An amnesty rule set: the eligibility rules of one legal design, read from a file under
/// rules/amnesty/, with the procedure parameters the registry enforces.
/// </summary>
/// <param name="Name">Short name (e.g. <c>enacted-2020</c>).</param>
/// <param name="Title">Full title.</param>
/// <param name="Version">Version stamped on every decision.</param>
/// <param name="Source">Where the design comes from.</param>
/// <param name="Rules">The rules in file order.</param>
/// <param name="Obligations">Obligations of a grant.</param>
/// <param name="DecisionDeadlineDays">Days the commission has to decide (0: no statutory deadline).</param>
/// <param name="RevokeOnNewOffence">Whether a new offence revokes a grant (a no-repetition clause).</param>
public sealed record RuleSet(
    string Name,
    string Title,
    string Version,
    string Source,
    IReadOnlyList<Rule> Rules,
    IReadOnlyList<Obligation> Obligations,
    int DecisionDeadlineDays,
    bool RevokeOnNewOffence);
