using System.Text.Json;

namespace Paz.Web.Api;

/// <summary>Sign-in.</summary>
public sealed record SignInRequest(string? Name, string? Password);

/// <summary>A new case; <c>facts</c> is a case file (docs/amnesty.md).</summary>
public sealed record CaseRequest(string? ApplicantName, string? ApplicantAddress, string? RuleSet, JsonElement? Facts);

/// <summary>A commissioner's decision.</summary>
public sealed record DecisionRequest(bool? Grant, string? Reason);

/// <summary>A new offence by a beneficiary.</summary>
public sealed record NewOffenceRequest(string? Committed, string? Description);

/// <summary>Assignment of a victims' advocate.</summary>
public sealed record AdvocateRequest(string? Advocate);

/// <summary>Progress on an obligation.</summary>
public sealed record ObligationRequest(double? HoursDone, bool? Completed);

/// <summary>A victim.</summary>
public sealed record VictimRequest(string? Name, string? Contact);

/// <summary>A hearing.</summary>
public sealed record HearingRequest(string? HeldOn, string? Statement);

/// <summary>A new user.</summary>
public sealed record UserRequest(string? Name, string? Role, string? Password);

/// <summary>A change of one's own password.</summary>
public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>A session: its token, and who it is for (the page shows what the role may do).</summary>
public sealed record SessionAnswer(string Token, string Name, Paz.Tribunal.Security.Role Role);

/// <summary>One fact of the catalogue (docs/amnesty.md), from which the intake form is built.</summary>
public sealed record FactAnswer(string Path, string Type, string Description, IReadOnlyList<string> Words, double? Minimum, double? Maximum);

/// <summary>A new session token (after a password change).</summary>
public sealed record TokenAnswer(string Token);

/// <summary>The id of a record just created.</summary>
public sealed record IdAnswer(string Id);
