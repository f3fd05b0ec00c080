namespace Paz.Tribunal.Security;

/// <summary>Who a user of the registry is.</summary>
public enum Role
{
    /// <summary>Intake: files and screens cases, records obligation progress.</summary>
    Clerk,

    /// <summary>Decides cases.</summary>
    Commissioner,

    /// <summary>Victims and hearings only, for the cases assigned to them.</summary>
    VictimsAdvocate,

    /// <summary>Read-only, plus the audit log.</summary>
    Auditor,

    /// <summary>Aggregate statistics only, never names.</summary>
    Analyst,

    /// <summary>Manages user accounts; sees no case.</summary>
    Administrator,
}

/// <summary>Everything a user can attempt; each endpoint names exactly one.</summary>
public enum TribunalAction
{
    /// <summary>File a new case.</summary>
    CaseCreate,

    /// <summary>Read one case with its personal fields.</summary>
    CaseRead,

    /// <summary>List cases (numbers, statuses, deadlines; no names).</summary>
    CaseList,

    /// <summary>Search cases by the applicant's name.</summary>
    CaseSearch,

    /// <summary>Screen a case against its rule set.</summary>
    CaseScreen,

    /// <summary>Take a screened case under review.</summary>
    CaseReview,

    /// <summary>Grant or deny.</summary>
    CaseDecide,

    /// <summary>Record a new offence (revocation where the rule set allows it).</summary>
    CaseRevoke,

    /// <summary>Assign a victims' advocate to a case.</summary>
    AdvocateAssign,

    /// <summary>Record progress on an obligation.</summary>
    ObligationUpdate,

    /// <summary>Register a victim of a case.</summary>
    VictimCreate,

    /// <summary>Read a case's victims and hearings.</summary>
    VictimRead,

    /// <summary>Record a victims' hearing.</summary>
    HearingCreate,

    /// <summary>Export the case list.</summary>
    Export,

    /// <summary>Read the audit log.</summary>
    AuditRead,

    /// <summary>Verify the audit chain.</summary>
    AuditVerify,

    /// <summary>Aggregate statistics.</summary>
    StatisticsRead,

    /// <summary>Create user accounts.</summary>
    UserManage,

    /// <summary>Change one's own password.</summary>
    PasswordChange,

    /// <summary>List, open, compare and download the analysts' simulation runs (the dashboard).</summary>
    RunRead,

    /// <summary>Start a simulation run (the dashboard).</summary>
    RunStart,
}

/// <summary>The one table of role × action. Anything not listed is refused.</summary>
public static class Permissions
{
    private static readonly Dictionary<Role, HashSet<TribunalAction>> Table = new()
    {
        [Role.Clerk] = [TribunalAction.CaseCreate, TribunalAction.CaseRead, TribunalAction.CaseList, TribunalAction.CaseSearch, TribunalAction.CaseScreen, TribunalAction.AdvocateAssign, TribunalAction.ObligationUpdate, TribunalAction.PasswordChange],
        [Role.Commissioner] = [TribunalAction.CaseRead, TribunalAction.CaseList, TribunalAction.CaseSearch, TribunalAction.CaseScreen, TribunalAction.CaseReview, TribunalAction.CaseDecide, TribunalAction.CaseRevoke, TribunalAction.VictimRead, TribunalAction.StatisticsRead, TribunalAction.PasswordChange],
        [Role.VictimsAdvocate] = [TribunalAction.CaseList, TribunalAction.VictimCreate, TribunalAction.VictimRead, TribunalAction.HearingCreate, TribunalAction.PasswordChange],
        [Role.Auditor] = [TribunalAction.CaseRead, TribunalAction.CaseList, TribunalAction.CaseSearch, TribunalAction.VictimRead, TribunalAction.Export, TribunalAction.AuditRead, TribunalAction.AuditVerify, TribunalAction.StatisticsRead, TribunalAction.PasswordChange],
        [Role.Analyst] = [TribunalAction.StatisticsRead, TribunalAction.PasswordChange, TribunalAction.RunRead, TribunalAction.RunStart],
        [Role.Administrator] = [TribunalAction.UserManage, TribunalAction.PasswordChange],
    };

    /// <summary>Whether <paramref name="role"/> may attempt <paramref name="action"/>.</summary>
    public static bool Allows(Role role, TribunalAction action) => Table.TryGetValue(role, out var actions) && actions.Contains(action);

    /// <summary>Roles whose access to case-linked records is limited to cases assigned to them (others: 404).</summary>
    public static bool ScopedToAssignedCases(Role role) => role == Role.VictimsAdvocate;
}
