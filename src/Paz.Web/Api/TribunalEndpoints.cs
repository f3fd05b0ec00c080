using Paz.Core.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Web.Api;

/// <summary>The registry's HTTP API. Each endpoint names its action; the registry enforces the role × action table and audits.</summary>
public static class TribunalEndpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        api.MapPost("/session", async (SignInRequest? body, HttpContext http, Registry registry) =>
        {
            var token = await registry.SignInAsync(body?.Name, body?.Password, http.Connection.RemoteIpAddress?.ToString());
            var actor = await registry.AuthenticateAsync(token);
            return Results.Ok(new SessionAnswer(token, actor!.Name, actor.Role));
        })
            .AllowAnonymous().RequireRateLimiting(SignInLimits.Policy).WithName("SignIn").Produces<SessionAnswer>();

        api.MapDelete("/session", async (HttpContext http, Registry registry) =>
        {
            await registry.SignOutAsync(TribunalApp.BearerToken(http));
            return Results.NoContent();
        }).AllowAnonymous().WithName("SignOut").Produces(StatusCodes.Status204NoContent);

        api.MapPost("/session/password", async (PasswordRequest? body, HttpContext http, Registry registry) =>
            Results.Ok(new TokenAnswer(await registry.ChangePasswordAsync(Who(http), Why(http), body?.CurrentPassword, body?.NewPassword))))
            .RequireRateLimiting(SignInLimits.Policy).WithMetadata(new RequiresActionAttribute(TribunalAction.PasswordChange)).Produces<TokenAnswer>();

        api.MapPost("/users", async (UserRequest? body, HttpContext http, Registry registry) =>
        {
            var role = Registry.FromWire<Role>(body?.Role, "role");
            var id = await registry.AddUserAsync(Who(http), body?.Name, role, body?.Password, Why(http));
            return Results.Created($"/api/users/{id}", new IdAnswer(id));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.UserManage)).Produces<IdAnswer>(StatusCodes.Status201Created);

        api.MapGet("/users", async (HttpContext http, Registry registry) =>
            Results.Ok(await registry.ListUsersAsync(Who(http), Why(http)))).WithMetadata(new RequiresActionAttribute(TribunalAction.UserManage)).Produces<IReadOnlyList<UserView>>();

        api.MapPost("/users/{name}/disable", async (string name, HttpContext http, Registry registry) =>
            Results.Ok(await registry.SetUserDisabledAsync(Who(http), Why(http), name, disabled: true))).WithMetadata(new RequiresActionAttribute(TribunalAction.UserManage)).Produces<UserView>();

        api.MapPost("/users/{name}/enable", async (string name, HttpContext http, Registry registry) =>
            Results.Ok(await registry.SetUserDisabledAsync(Who(http), Why(http), name, disabled: false))).WithMetadata(new RequiresActionAttribute(TribunalAction.UserManage)).Produces<UserView>();

        api.MapPost("/cases", async (CaseRequest? body, HttpContext http, Registry registry) =>
        {
            var item = await registry.FileCaseAsync(Who(http), Why(http), body is null ? null : new NewCase(body.ApplicantName, body.ApplicantAddress, body.RuleSet, body.Facts?.GetRawText()));
            return Results.Created($"/api/cases/{item.Id}", item);
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseCreate)).Produces<CaseListItem>(StatusCodes.Status201Created);

        api.MapGet("/cases/{id}", async (string id, HttpContext http, Registry registry) =>
            Results.Ok(await registry.GetCaseAsync(Who(http), Why(http), id))).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseRead)).Produces<CaseView>();

        api.MapGet("/cases", async (string? status, bool? overdue, HttpContext http, Registry registry) =>
        {
            CaseStatus? filter = status is null ? null : Registry.FromWire<CaseStatus>(status, "status");
            return Results.Ok(await registry.ListCasesAsync(Who(http), Why(http), filter, overdue ?? false));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseList)).Produces<IReadOnlyList<CaseListItem>>();

        api.MapGet("/cases/search", async (string? name, HttpContext http, Registry registry) =>
            Results.Ok(await registry.SearchAsync(Who(http), Why(http), name))).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseSearch)).Produces<IReadOnlyList<CaseListItem>>();

        api.MapPost("/cases/{id}/screen", async (string id, HttpContext http, Registry registry) =>
            Results.Ok(await registry.ScreenAsync(Who(http), Why(http), id))).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseScreen)).Produces<CaseView>();

        api.MapPost("/cases/{id}/review", async (string id, HttpContext http, Registry registry) =>
            Results.Ok(await registry.ReviewAsync(Who(http), Why(http), id))).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseReview)).Produces<CaseView>();

        api.MapPost("/cases/{id}/decision", async (string id, DecisionRequest? body, HttpContext http, Registry registry) =>
        {
            var grant = body?.Grant ?? throw RegistryException.Invalid("grant", "grant must be true or false");
            return Results.Ok(await registry.DecideAsync(Who(http), Why(http), id, grant, body.Reason));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseDecide)).Produces<CaseView>();

        api.MapPost("/cases/{id}/new-offences", async (string id, NewOffenceRequest? body, HttpContext http, Registry registry) =>
            Results.Ok(await registry.RecordNewOffenceAsync(Who(http), Why(http), id, body?.Committed, body?.Description))).WithMetadata(new RequiresActionAttribute(TribunalAction.CaseRevoke)).Produces<CaseView>();

        api.MapPost("/cases/{id}/advocate", async (string id, AdvocateRequest? body, HttpContext http, Registry registry) =>
            Results.Ok(await registry.AssignAdvocateAsync(Who(http), Why(http), id, body?.Advocate))).WithMetadata(new RequiresActionAttribute(TribunalAction.AdvocateAssign)).Produces<CaseView>();

        api.MapPost("/cases/{id}/obligations/{obligation}", async (string id, string obligation, ObligationRequest? body, HttpContext http, Registry registry) =>
        {
            var hours = body?.HoursDone ?? throw RegistryException.Invalid("hours_done", "hours_done is required");
            return Results.Ok(await registry.UpdateObligationAsync(Who(http), Why(http), id, obligation, hours, body.Completed ?? false));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.ObligationUpdate)).Produces<CaseView>();

        api.MapPost("/cases/{id}/victims", async (string id, VictimRequest? body, HttpContext http, Registry registry) =>
        {
            var victim = await registry.AddVictimAsync(Who(http), Why(http), id, body?.Name, body?.Contact);
            return Results.Created($"/api/cases/{id}/victims/{victim}", new IdAnswer(victim));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.VictimCreate)).Produces<IdAnswer>(StatusCodes.Status201Created);

        api.MapGet("/cases/{id}/victims", async (string id, HttpContext http, Registry registry) =>
            Results.Ok(await registry.ListVictimsAsync(Who(http), Why(http), id))).WithMetadata(new RequiresActionAttribute(TribunalAction.VictimRead)).Produces<IReadOnlyList<VictimView>>();

        api.MapPost("/cases/{id}/victims/{victim}/hearings", async (string id, string victim, HearingRequest? body, HttpContext http, Registry registry) =>
        {
            var hearing = await registry.AddHearingAsync(Who(http), Why(http), id, victim, body?.HeldOn, body?.Statement);
            return Results.Created($"/api/cases/{id}/victims/{victim}/hearings/{hearing}", new IdAnswer(hearing));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.HearingCreate)).Produces<IdAnswer>(StatusCodes.Status201Created);

        api.MapGet("/export", async (HttpContext http, Registry registry) =>
            Results.Text(await registry.ExportAsync(Who(http), Why(http)), "text/csv")).WithMetadata(new RequiresActionAttribute(TribunalAction.Export)).Produces<string>(StatusCodes.Status200OK, "text/csv");

        api.MapGet("/audit", async (long? after, int? limit, HttpContext http, Registry registry) =>
            Results.Ok(await registry.ReadAuditAsync(Who(http), Why(http), after ?? 0, limit ?? 100))).WithMetadata(new RequiresActionAttribute(TribunalAction.AuditRead)).Produces<IReadOnlyList<Paz.Tribunal.Audit.AuditEntry>>();

        api.MapGet("/audit/verify", async (HttpContext http, Registry registry) =>
            Results.Ok(await registry.VerifyAuditAsync(Who(http), Why(http)))).WithMetadata(new RequiresActionAttribute(TribunalAction.AuditVerify)).Produces<Paz.Tribunal.Audit.AuditVerification>();

        api.MapGet("/statistics", async (HttpContext http, Registry registry) =>
            Results.Ok(await registry.StatisticsAsync(Who(http), Why(http)))).WithMetadata(new RequiresActionAttribute(TribunalAction.StatisticsRead)).Produces<Statistics>();

        api.MapGet("/rule-sets", (Registry registry) => Results.Ok(registry.RuleSets)).AllowAnonymous().Produces<IReadOnlyList<string>>();

        api.MapGet("/facts", () => Results.Ok(FactCatalog.Facts.Select(f => new FactAnswer(
            f.Path, Registry.Wire(f.Type), f.Description, f.Words, double.IsFinite(f.Minimum) ? f.Minimum : null, double.IsFinite(f.Maximum) ? f.Maximum : null))))
            .AllowAnonymous().Produces<IReadOnlyList<FactAnswer>>();

        api.MapGet("/advocates", async (HttpContext http, Registry registry) =>
            Results.Ok(await registry.ListAdvocatesAsync(Who(http), Why(http)))).WithMetadata(new RequiresActionAttribute(TribunalAction.AdvocateAssign)).Produces<IReadOnlyList<string>>();
    }

    /// <summary>The signed-in actor (set by the session middleware), or null.</summary>
    public static Actor? Who(HttpContext http) => http?.Items[typeof(Actor)] as Actor;

    private static string? Why(HttpContext http) => http.Request.Headers["X-Purpose"].FirstOrDefault();
}
