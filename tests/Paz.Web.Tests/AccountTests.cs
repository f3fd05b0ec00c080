using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>Finding 7 and its neighbours: lockout without enumeration or strangers' lockouts, sign-out, disabling, password change. Both databases.</summary>
public abstract class AccountTests
{
    protected abstract TribunalHost Host { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Actor NewUser(Role role = Role.Analyst) => Host.AddUser("acct" + Guid.NewGuid().ToString("N")[..8], role);

    [Fact]
    public async Task FiveFailuresLockOutOnlyTheAddressTheyCameFromAndTheUserSignsInFromElsewhere()
    {
        var user = NewUser();
        for (var i = 0; i < Registry.LockoutThreshold; i++)
        {
            await Assert.ThrowsAsync<RegistryException>(() => Host.Registry.SignInAsync(user.Name, "a wrong password!", "203.0.113.9"));
        }

        var locked = await Assert.ThrowsAsync<RegistryException>(() => Host.Registry.SignInAsync(user.Name, TribunalHost.Password, "203.0.113.9"));
        Assert.Contains("too many failed sign-ins", locked.Message, StringComparison.Ordinal);
        Assert.NotNull(await Host.Registry.AuthenticateAsync(await Host.Registry.SignInAsync(user.Name, TribunalHost.Password, "198.51.100.4")));
    }

    [Fact]
    public async Task GuessingANameFromManyAddressesSlowsEachAttemptUnderItButLocksNoOneOut()
    {
        var user = NewUser();
        const int PerAddress = Registry.LockoutThreshold - 1;
        for (var address = 0; address * PerAddress < Registry.SlowdownThreshold; address++)
        {
            for (var i = 0; i < PerAddress; i++)
            {
                await Assert.ThrowsAsync<RegistryException>(() => Host.Registry.SignInAsync(user.Name, "a wrong password!", $"198.18.0.{address}"));
            }
        }

        Assert.NotNull(await Host.Registry.AuthenticateAsync(await Host.Registry.SignInAsync(user.Name, TribunalHost.Password, "198.18.1.1")));
        var last = (await RecentAudit()).First(e => e.Action == "sign_in");
        Assert.StartsWith($"allowed; slowed ({Registry.SlowdownThreshold} failures under this name", last.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameNoAccountHasIsLockedOutAndAnsweredExactlyAsAnExistingOne()
    {
        var user = NewUser();
        async Task<List<string>> Answers(string name)
        {
            var answers = new List<string>();
            for (var i = 0; i <= Registry.LockoutThreshold; i++)
            {
                answers.Add((await Assert.ThrowsAsync<RegistryException>(() => Host.Registry.SignInAsync(name, "a wrong password!", "192.0.2.77"))).Message);
            }

            return answers;
        }

        var existing = await Answers(user.Name);
        var unknown = await Answers("nobody" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(existing, unknown);
        Assert.Contains("too many failed sign-ins", existing[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAndIsAudited()
    {
        using var client = Host.Client(NewUser(Role.Auditor));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit/verify", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/session", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit/verify", Cancel)).StatusCode);
        Assert.Contains(await RecentAudit(), e => e.Action == "sign_out" && e.Outcome == "allowed");
    }

    [Fact]
    public async Task DisablingAUserEndsEverySessionAtOnceAndRefusesSignInUntilEnabled()
    {
        var user = NewUser(Role.Clerk);
        using var first = Host.Client(user);
        using var second = Host.Client(user);
        using var admin = Host.Client(Host.Admin);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/cases", Cancel)).StatusCode);

        var disabled = await admin.PostAsync($"/api/users/{user.Name}/disable", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/cases", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/cases", Cancel)).StatusCode);
        await Assert.ThrowsAsync<RegistryException>(() => Host.Registry.SignInAsync(user.Name, TribunalHost.Password, "192.0.2.1"));
        var listed = await admin.GetFromJsonAsync<List<UserView>>("/api/users", TestJson.Options, Cancel);
        Assert.True(listed!.Single(u => u.Name == user.Name).Disabled);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{user.Name}/enable", null, Cancel)).StatusCode);
        Assert.NotNull(await Host.Registry.AuthenticateAsync(await Host.Registry.SignInAsync(user.Name, TribunalHost.Password, "192.0.2.1")));
    }

    [Fact]
    public async Task TheLastEnabledAdministratorCannotBeDisabled()
    {
        using var admin = Host.Client(Host.Admin);
        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/users", TestJson.Options, Cancel);
        foreach (var other in users!.Where(u => u.Role == Role.Administrator && u.Name != Host.Admin.Name && !u.Disabled))
        {
            await admin.PostAsync($"/api/users/{other.Name}/disable", null, Cancel);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/users/{Host.Admin.Name}/disable", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task AChangedPasswordEndsEveryOtherSessionAndOnlyTheNewPasswordSignsIn()
    {
        var user = NewUser(Role.Commissioner);
        using var other = Host.Client(user);
        using var client = Host.Client(user);
        const string Replacement = "a brand new passphrase";
        var wrong = await client.PostAsJsonAsync("/api/session/password", new { current_password = "not my password", new_password = Replacement }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var changed = await client.PostAsJsonAsync("/api/session/password", new { current_password = TribunalHost.Password, new_password = Replacement }, Cancel);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var token = (await changed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/cases", Cancel)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases", Cancel)).StatusCode);
        await Assert.ThrowsAsync<RegistryException>(() => Host.Registry.SignInAsync(user.Name, TribunalHost.Password, "192.0.2.2"));
        Assert.NotNull(await Host.Registry.SignInAsync(user.Name, Replacement, "192.0.2.2"));
    }

    [Fact]
    public async Task AnAnonymousAttemptToCreateAUserIsRefusedAndAudited()
    {
        using var anonymous = Host.RawClient();
        var response = await anonymous.PostAsJsonAsync("/api/users", new { name = "intruder", role = "administrator", password = "intruder's password" }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await RecentAudit(), e => e.Actor == "anonymous" && e.Action == "user_manage" && e.Outcome.StartsWith("denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReadThatFailsWith500IsAuditedAsFailed()
    {
        var prepared = await Scenario.CaseIn(Host, Paz.Tribunal.Cases.CaseStatus.Filed, "Fallo Lectura");
        await using (var connection = await Host.Database.OpenAsync(Cancel))
        {
            // A value that no key decrypts: what another installation's key, or a damaged disk, leaves.
            await connection.ExecuteAsync("UPDATE cases SET facts_enc = @garbled WHERE id = @id", new { garbled = "v1:k1:" + Convert.ToBase64String(new byte[64]), id = prepared.Case });
        }

        using var clerk = Host.Client(Host.Users[Role.Clerk]);
        Assert.Equal(HttpStatusCode.InternalServerError, (await clerk.GetAsync($"/api/cases/{prepared.Case}", Cancel)).StatusCode);
        Assert.Contains(await RecentAudit(), e => e.Action == "case_read" && e.Target == $"case:{prepared.Case}" && e.Outcome.StartsWith("failed:", StringComparison.Ordinal));
    }

    private async Task<List<AuditEntry>> RecentAudit()
    {
        await using var connection = await Host.Database.OpenAsync(Cancel);
        return [.. await connection.QueryAsync<AuditEntry>(AuditChain.SelectEntries + " ORDER BY seq DESC LIMIT 20")];
    }
}

/// <summary>The account tests on SQLite.</summary>
public sealed class SqliteAccountTests(SqliteHostFixture fixture) : AccountTests, IClassFixture<SqliteHostFixture>
{
    protected override TribunalHost Host => fixture.Host;
}

/// <summary>The account tests on PostgreSQL.</summary>
public sealed class PostgresAccountTests(PostgresHostFixture fixture) : AccountTests, IClassFixture<PostgresHostFixture>
{
    protected override TribunalHost Host => fixture.Require();
}

/// <summary>The per-address rate limit on sign-in (ASP.NET Core's RateLimiter).</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignInsBeyondTheLimitFromOneAddressAnswer429WithRetryAfter()
    {
        using var host = new TribunalHost(Backend.Sqlite, new Dictionary<string, string?> { ["Tribunal:SignInsPerMinute"] = "3" });
        using var client = host.RawClient();
        var cancel = TestContext.Current.CancellationToken;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/session", new { name = "admin", password = "a wrong password!" }, cancel)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var limited = await client.PostAsJsonAsync("/api/session", new { name = "admin", password = TribunalHost.Password }, cancel);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }
}
