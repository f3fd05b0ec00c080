using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Tribunal;

/// <summary>The signed-in user a request acts for.</summary>
public sealed record Actor(string UserId, string Name, Role Role);

/// <summary>A new application as filed by a clerk.</summary>
/// <param name="ApplicantName">Applicant's full name (encrypted at rest).</param>
/// <param name="ApplicantAddress">Applicant's address (encrypted at rest).</param>
/// <param name="RuleSet">Name of the rule set the case is judged under.</param>
/// <param name="Facts">The facts in the case-file JSON format (docs/amnesty.md).</param>
public sealed record NewCase(string? ApplicantName, string? ApplicantAddress, string? RuleSet, string? Facts);

/// <summary>A case in lists: no personal fields of the applicant; the assigned advocate's user name.</summary>
public sealed record CaseListItem(string Id, long Number, string RuleSet, CaseStatus Status, RiskCategory Risk, string Filed, string? DecisionDue, bool Overdue, string? Advocate = null);

/// <summary>An obligation with its progress.</summary>
public sealed record ObligationView(string Id, string Kind, string Text, double HoursRequired, double HoursDone, bool Completed);

/// <summary>One case in full, for the roles allowed to read it.</summary>
public sealed record CaseView(
    string Id, long Number, string ApplicantName, string? ApplicantAddress, string RuleSet, string RuleSetVersion,
    CaseStatus Status, RiskCategory Risk, string? Screening, IReadOnlyList<string> Explanation, string? DecisionReason,
    string Filed, string? DecisionDue, bool Overdue, string? Decided, string Facts, IReadOnlyList<ObligationView> Obligations, string? AdvocateId,
    string? Advocate, IReadOnlyList<CaseEvent> History);

/// <summary>One thing done to a case (from the audit log: who, when, what, with what outcome); reads are left out.</summary>
public sealed record CaseEvent(string At, string Actor, string Action, string Outcome);

/// <summary>A victim and the hearings held.</summary>
public sealed record VictimView(string Id, string Name, string? Contact, IReadOnlyList<HearingView> Hearings);

/// <summary>A victims' hearing.</summary>
public sealed record HearingView(string Id, string HeldOn, string Statement);

/// <summary>Aggregate statistics (no names, no identifiers).</summary>
public sealed record Statistics(long Cases, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByRisk, IReadOnlyDictionary<string, long> ByRuleSet, IReadOnlyDictionary<string, long> ByScreening, long Overdue);

/// <summary>A user as administrators see them (never the password hash).</summary>
public sealed record UserView(string Id, string Name, Role Role, bool Disabled, string Created);
