namespace Paz.Tribunal.Cases;

/// <summary>Where a case stands: filed → screened → under review → granted or denied → (revoked).</summary>
public enum CaseStatus
{
    /// <summary>Received by a clerk.</summary>
    Filed,

    /// <summary>Screened against its rule set (decision and explanation recorded).</summary>
    Screened,

    /// <summary>Taken up by a commissioner.</summary>
    UnderReview,

    /// <summary>Amnesty granted.</summary>
    Granted,

    /// <summary>Amnesty denied.</summary>
    Denied,

    /// <summary>A granted amnesty revoked on a new offence (only where the rule set has a no-repetition clause).</summary>
    Revoked,
}

/// <summary>The case state machine: the only transitions the registry performs.</summary>
public static class CaseTransitions
{
    private static readonly HashSet<(CaseStatus, CaseStatus)> Allowed =
    [
        (CaseStatus.Filed, CaseStatus.Screened),
        (CaseStatus.Screened, CaseStatus.UnderReview),
        (CaseStatus.UnderReview, CaseStatus.Granted),
        (CaseStatus.UnderReview, CaseStatus.Denied),
        (CaseStatus.Granted, CaseStatus.Revoked),
    ];

    /// <summary>Whether a case may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(CaseStatus from, CaseStatus to) => Allowed.Contains((from, to));

    /// <summary>Statuses in which a decision is still owed (the statutory deadline runs).</summary>
    public static bool Pending(CaseStatus status) => status is CaseStatus.Filed or CaseStatus.Screened or CaseStatus.UnderReview;
}
