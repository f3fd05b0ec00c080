using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;

namespace Paz.Web.Tests;

/// <summary>
/// The registry's behaviour over HTTP, written once and run on both databases (the derived classes at
/// the bottom of this file).
/// </summary>
public abstract class RegistryApiTests
{
    protected abstract TribunalHost Host { get; }

    public static TheoryData<Role, TribunalAction> RoleActions()
    {
        var data = new TheoryData<Role, TribunalAction>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var action in Enum.GetValues<TribunalAction>())
            {
                data.Add(role, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleActions))]
    public async Task EachRoleSucceedsAtWhatTheTableAllowsIsRefusedTheRestAndEveryAttemptIsAudited(Role role, TribunalAction action)
    {
        var host = Host;
        var user = host.Users[role];
        var prepared = await Scenario.CaseIn(host, action switch
        {
            TribunalAction.CaseScreen => CaseStatus.Filed,
            TribunalAction.CaseReview => CaseStatus.Screened,
            TribunalAction.CaseDecide => CaseStatus.UnderReview,
            _ => CaseStatus.Granted,
        });
        using var client = host.Client(user);
        var before = await LastSeq();
        using var response = await Attempt(client, action, prepared);
        var allowed = Permissions.Allows(role, action);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(allowed ? response.IsSuccessStatusCode : response.StatusCode == HttpStatusCode.Forbidden,
            $"{role} {action}: expected {(allowed ? "success" : "403")}, got {(int)response.StatusCode} {body}");

        var records = await AuditSince(before);
        Assert.Contains(records, r => r.Actor == user.Name && r.Action == Registry.Wire(action) && r.Outcome.StartsWith(allowed ? "allowed" : "denied", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Attempt(HttpClient client, TribunalAction action, Scenario.Prepared p)
    {
        var c = p.Case;
        var cancel = TestContext.Current.CancellationToken;
        return action switch
        {
            TribunalAction.CaseCreate => client.PostAsJsonAsync("/api/cases", new { applicant_name = "New Applicant", rule_set = "recommended", facts = JsonDocument.Parse(Scenario.EligibleFacts).RootElement }, cancel),
            TribunalAction.CaseRead => client.GetAsync($"/api/cases/{c}", cancel),
            TribunalAction.CaseList => client.GetAsync("/api/cases", cancel),
            TribunalAction.CaseSearch => client.GetAsync("/api/cases/search?name=Ana%20P%C3%A9rez%20Test", cancel),
            TribunalAction.CaseScreen => client.PostAsync($"/api/cases/{c}/screen", null, cancel),
            TribunalAction.CaseReview => client.PostAsync($"/api/cases/{c}/review", null, cancel),
            TribunalAction.CaseDecide => client.PostAsJsonAsync($"/api/cases/{c}/decision", new { grant = true, reason = "eligible and disclosed" }, cancel),
            TribunalAction.CaseRevoke => client.PostAsJsonAsync($"/api/cases/{c}/new-offences", new { committed = "2021-02-01", description = "robbery" }, cancel),
            TribunalAction.AdvocateAssign => client.PostAsJsonAsync($"/api/cases/{c}/advocate", new { advocate = TribunalHost.UserName(Role.VictimsAdvocate) }, cancel),
            TribunalAction.ObligationUpdate => client.PostAsJsonAsync($"/api/cases/{c}/obligations/{p.Obligation}", new { hours_done = 12.5, completed = false }, cancel),
            TribunalAction.VictimCreate => client.PostAsJsonAsync($"/api/cases/{c}/victims", new { name = "Second Victim", contact = "555 0101" }, cancel),
            TribunalAction.VictimRead => client.GetAsync($"/api/cases/{c}/victims", cancel),
            TribunalAction.HearingCreate => client.PostAsJsonAsync($"/api/cases/{c}/victims/{p.Victim}/hearings", new { held_on = "2021-03-04", statement = "I want to know where my son is." }, cancel),
            TribunalAction.Export => client.GetAsync("/api/export", cancel),
            TribunalAction.AuditRead => client.GetAsync("/api/audit", cancel),
            TribunalAction.AuditVerify => client.GetAsync("/api/audit/verify", cancel),
            TribunalAction.StatisticsRead => client.GetAsync("/api/statistics", cancel),
            TribunalAction.UserManage => client.PostAsJsonAsync("/api/users", new { name = "user" + Guid.NewGuid().ToString("N")[..8], role = "analyst", password = TribunalHost.Password }, cancel),
            TribunalAction.PasswordChange => client.PostAsJsonAsync("/api/session/password", new { current_password = TribunalHost.Password, new_password = TribunalHost.Password }, cancel),
            TribunalAction.RunRead => client.GetAsync("/api/runs", cancel),
            TribunalAction.RunStart => client.PostAsJsonAsync("/api/runs", new { yaml = AnalystRunTests.TinyScenario("role-matrix", seed: 1), point = true }, cancel),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    [Fact]
    public async Task AnAdvocateSeesOnlyTheVictimsOfCasesAssignedToThemOthersAnswer404()
    {
        var p = await Scenario.CaseIn(Host, CaseStatus.Granted);
        var other = Host.AddUser("advocate" + Guid.NewGuid().ToString("N")[..6], Role.VictimsAdvocate);
        using var assigned = Host.Client(Host.Users[Role.VictimsAdvocate]);
        using var stranger = Host.Client(other);
        var cancel = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await assigned.GetAsync($"/api/cases/{p.Case}/victims", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{p.Case}/victims", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{Guid.NewGuid():N}/victims", cancel)).StatusCode);
    }

    [Fact]
    public async Task AnonymousRequestsAreRefusedWith401AndAudited()
    {
        using var client = Host.RawClient();
        var before = await LastSeq();
        var response = await client.GetAsync("/api/cases", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await AuditSince(before), r => r.Actor == "anonymous" && r.Outcome.StartsWith("denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidTransitionsAreRefusedWith409()
    {
        var filed = await Scenario.CaseIn(Host, CaseStatus.Filed);
        using var commissioner = Host.Client(Host.Users[Role.Commissioner]);
        var cancel = TestContext.Current.CancellationToken;
        var decide = await commissioner.PostAsJsonAsync($"/api/cases/{filed.Case}/decision", new { grant = true, reason = "too early" }, cancel);
        Assert.Equal(HttpStatusCode.Conflict, decide.StatusCode);
        Assert.Contains("filed cannot become granted", await decide.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);

        var ineligible = await Scenario.CaseIn(Host, CaseStatus.UnderReview, "Homicide Applicant", Scenario.IneligibleFacts);
        var grant = await commissioner.PostAsJsonAsync($"/api/cases/{ineligible.Case}/decision", new { grant = true, reason = "mercy" }, cancel);
        Assert.Equal(HttpStatusCode.Conflict, grant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.PostAsJsonAsync($"/api/cases/{ineligible.Case}/decision", new { grant = false, reason = "homicide is prosecuted" }, cancel)).StatusCode);
    }

    [Fact]
    public async Task ANewOffenceRevokesAGrantUnderANoRepetitionClause()
    {
        var p = await Scenario.CaseIn(Host, CaseStatus.Granted);
        using var commissioner = Host.Client(Host.Users[Role.Commissioner]);
        var response = await commissioner.PostAsJsonAsync($"/api/cases/{p.Case}/new-offences", new { committed = "2021-05-01", description = "extortion" }, TestContext.Current.CancellationToken);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("revoked", view.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("my secret passphrase")] // a password typed into the name field
    [InlineData("nobody-here")]          // a name no account has
    [InlineData(null)]                    // 100,000 characters sent to fill the disk
    public async Task ASignInUnderANameNoAccountHasIsAuditedWithoutTheTextTyped(string? typed)
    {
        var name = typed ?? new string('x', 100_000);
        var before = await LastSeq(); // other tests share the registry: read this attempt's rows, not the log's first thousand
        using var anonymous = Host.RawClient();
        var response = await anonymous.PostAsJsonAsync("/api/session", new { name, password = "whatever-it-is" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var auditor = Host.Client(Host.Users[Role.Auditor]);
        var log = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit?after={before}&limit=1000", TestContext.Current.CancellationToken);
        var signIns = log.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "sign_in").ToList();
        Assert.Contains(signIns, e => e.GetProperty("actor").GetString() == Paz.Tribunal.Registry.UnknownName);
        Assert.DoesNotContain(signIns, e => e.GetRawText().Contains(name[..Math.Min(name.Length, 40)], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProgressOnAnObligationIsRefusedBeforeTheAmnestyIsGranted()
    {
        var screened = await Scenario.CaseIn(Host, CaseStatus.Screened);
        Assert.NotNull(screened.Obligation);
        using var officer = Host.Client(Host.Users.Values.First(u => Permissions.Allows(u.Role, TribunalAction.ObligationUpdate)));
        var response = await officer.PostAsJsonAsync($"/api/cases/{screened.Case}/obligations/{screened.Obligation}", new { hours_done = 3, completed = false }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("this case is screened", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocumentedExampleCaseFileIsFiledAsDocsTribunalMdShows()
    {
        // docs/tribunal.md: the case file goes, whole, as "facts" beside the applicant's name and the rule set.
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "docs", "examples", "amnesty-case.json")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var facts = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "docs", "examples", "amnesty-case.json"), TestContext.Current.CancellationToken)).RootElement;
        using var clerk = Host.Client(Host.Users[Role.Clerk]);
        var filed = await clerk.PostAsJsonAsync("/api/cases", new { applicant_name = "María Example", rule_set = "enacted-2020", facts }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();
        var screened = await clerk.PostAsync($"/api/cases/{id}/screen", null, TestContext.Current.CancellationToken);
        Assert.True(screened.IsSuccessStatusCode, await screened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AWrongMethodAnswers405AndAWrongContentType415()
    {
        using var clerk = Host.Client(Host.Users[Role.Clerk]);
        var wrongMethod = await clerk.PutAsync("/api/cases", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        var wrongType = await clerk.PostAsync("/api/cases", new StringContent("applicant_name=Ana", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
    }

    [Fact]
    public async Task ANegativeAgeIsRefusedInsteadOfScreeningAsYoung()
    {
        using var clerk = Host.Client(Host.Users[Role.Clerk]);
        var facts = JsonDocument.Parse("""{ "case_id": "X", "facts": { "applicant": { "age": -4 } } }""").RootElement;
        var response = await clerk.PostAsJsonAsync("/api/cases", new { applicant_name = "Ana", rule_set = "enacted-2020", facts }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("'applicant.age' must be a number from 12 to 120", problem.GetProperty("errors").GetProperty("facts")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInputAnswersProblemDetailsNamingTheFieldAndLine()
    {
        using var clerk = Host.Client(Host.Users[Role.Clerk]);
        var facts = JsonDocument.Parse("""{ "case_id": "X", "facts": { "applicant": { "age": "old" } } }""").RootElement;
        var response = await clerk.PostAsJsonAsync("/api/cases", new { applicant_name = "", rule_set = "nonexistent", facts }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("applicant_name", out _));
        Assert.Contains("expected one of enacted-2020", errors.GetProperty("rule_set")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'applicant.age' must be a number", errors.GetProperty("facts")[0].GetString(), StringComparison.Ordinal);

        var malformed = await clerk.PostAsync("/api/cases", new StringContent("{\"applicant_name\": ", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task OverdueCasesAreListed()
    {
        var p = await Scenario.CaseIn(Host, CaseStatus.Screened);
        await using (var connection = await Host.Database.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("UPDATE cases SET decision_due = '2020-01-01' WHERE id = @id", new { id = p.Case });
        }

        using var clerk = Host.Client(Host.Users[Role.Clerk]);
        var overdue = await clerk.GetFromJsonAsync<JsonElement>("/api/cases?overdue=true", TestContext.Current.CancellationToken);
        Assert.Contains(overdue.EnumerateArray(), c => c.GetProperty("id").GetString() == p.Case && c.GetProperty("overdue").GetBoolean());
        Assert.All(overdue.EnumerateArray(), c => Assert.True(c.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task AnalystStatisticsCarryNoNames()
    {
        await Scenario.CaseIn(Host, CaseStatus.Granted, "Distinctive Nombre Analista");
        using var analyst = Host.Client(Host.Users[Role.Analyst]);
        var text = await analyst.GetStringAsync("/api/statistics", TestContext.Current.CancellationToken);
        Assert.Contains("\"granted\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Distinctive", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("alter")]
    [InlineData("delete-middle")]
    [InlineData("delete-last")]
    [InlineData("alter-and-rehash")]
    public async Task AlteringOrDeletingAnyAuditRowIsDetectedByVerify(string tampering)
    {
        using var host = new TribunalHost(Host.Backend);
        await Scenario.CaseIn(host, CaseStatus.Granted);
        Assert.True((await AuditChain.VerifyAsync(host.Database)).Intact);
        await using (var connection = await host.Database.OpenAsync(TestContext.Current.CancellationToken))
        {
            foreach (var drop in Schema.DropAppendOnly(host.Database.IsPostgres))
            {
                await connection.ExecuteAsync(drop); // the intruder has the database's owner rights
            }

            var last = await connection.ExecuteScalarAsync<long>("SELECT MAX(seq) FROM audit");
            if (tampering == "alter-and-rehash")
            {
                // A forger who also recomputes the altered row's hash still breaks the next row's link.
                var row = await connection.QuerySingleAsync<AuditEntry>(
                    AuditChain.SelectEntries + " WHERE seq = 3");
                var forged = AuditChain.Hash(row.PrevHash, row.Seq, row.At, "someone-else", row.Role, row.Action, row.Target, row.Purpose, row.Outcome);
                await connection.ExecuteAsync("UPDATE audit SET actor = 'someone-else', hash = @forged WHERE seq = 3", new { forged });
            }
            else
            {
                await connection.ExecuteAsync(tampering switch
                {
                    "alter" => "UPDATE audit SET outcome = 'allowed: nothing to see' WHERE seq = 3",
                    "delete-middle" => "DELETE FROM audit WHERE seq = 4",
                    _ => $"DELETE FROM audit WHERE seq = {last}",
                });
            }
        }

        var verification = await AuditChain.VerifyAsync(host.Database);
        Assert.False(verification.Intact, $"{tampering} was not detected");
        Assert.NotEmpty(verification.Problems);
    }

    [Fact]
    public async Task ChangingOrDeletingEachAuditRowInTurnIsDetected()
    {
        using var host = new TribunalHost(Host.Backend);
        await Scenario.CaseIn(host, CaseStatus.Granted);
        var cancel = TestContext.Current.CancellationToken;
        await using var connection = await host.Database.OpenAsync(cancel);
        foreach (var drop in Schema.DropAppendOnly(host.Database.IsPostgres))
        {
            await connection.ExecuteAsync(drop);
        }

        var rows = (await connection.QueryAsync<AuditEntry>(
            AuditChain.SelectEntries + " ORDER BY seq")).ToList();
        Assert.True(rows.Count > 10);
        foreach (var row in rows)
        {
            await connection.ExecuteAsync("UPDATE audit SET purpose = @purpose WHERE seq = @seq", new { purpose = row.Purpose + ".", seq = row.Seq });
            Assert.False((await AuditChain.VerifyAsync(host.Database)).Intact, $"altering row {row.Seq} went unnoticed");
            await connection.ExecuteAsync("UPDATE audit SET purpose = @purpose WHERE seq = @seq", new { purpose = row.Purpose, seq = row.Seq });

            await connection.ExecuteAsync("DELETE FROM audit WHERE seq = @seq", new { seq = row.Seq });
            Assert.False((await AuditChain.VerifyAsync(host.Database)).Intact, $"deleting row {row.Seq} went unnoticed");
            await connection.ExecuteAsync(
                "INSERT INTO audit (seq, at, actor, role, action, target, purpose, outcome, prev_hash, hash) VALUES (@Seq, @At, @Actor, @Role, @Action, @Target, @Purpose, @Outcome, @PrevHash, @Hash)", row);
            Assert.True((await AuditChain.VerifyAsync(host.Database)).Intact, $"restoring row {row.Seq} did not restore the chain");
        }
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesToChangeOrDeleteAuditRows()
    {
        await using var connection = await Host.Database.OpenAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE audit SET outcome = 'x' WHERE seq = 1"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM audit WHERE seq = 1"));
    }

    [Fact]
    public async Task TheDatabaseHoldsNoPersonalFieldInPlaintext()
    {
        using var host = new TribunalHost(Host.Backend);
        const string name = "Zacarías Quetzalcóatl Ixtapa";
        const string address = "Callejón del Beso 17, Guanajuato";
        const string victim = "Remedios Varo Uranga";
        const string statement = "Me arrebataron a mi hermano en Tierra Caliente";
        var filed = await host.Registry.FileCaseAsync(host.Users[Role.Clerk], "test", new NewCase(name, address, "recommended", Scenario.EligibleFacts));
        await host.Registry.AssignAdvocateAsync(host.Users[Role.Clerk], "test", filed.Id, host.Users[Role.VictimsAdvocate].Name);
        var v = await host.Registry.AddVictimAsync(host.Users[Role.VictimsAdvocate], "test", filed.Id, victim, "tel 555 0199");
        await host.Registry.AddHearingAsync(host.Users[Role.VictimsAdvocate], "test", filed.Id, v, "2021-03-01", statement);
        Assert.Equal(name, (await host.Registry.GetCaseAsync(host.Users[Role.Commissioner], "test", filed.Id)).ApplicantName);

        var raw = await RawDatabaseText(host);
        foreach (var secret in new[] { name, "Quetzalcóatl", address, "Callejón", victim, "Remedios", statement, "Tierra Caliente", "555 0199" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("recommended", raw, StringComparison.Ordinal); // the grep does see the database's plain columns
    }

    private static async Task<string> RawDatabaseText(TribunalHost host)
    {
        if (host.Backend == Backend.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = new List<byte>();
            foreach (var file in Directory.GetFiles(host.Folder, "tribunal.db*"))
            {
                bytes.AddRange(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
            }

            return Encoding.UTF8.GetString([.. bytes]) + Encoding.Unicode.GetString([.. bytes]);
        }

        // PostgreSQL: every text value of every table, as the server stores it.
        var text = new StringBuilder();
        await using var connection = await host.Database.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in new[] { "users", "sessions", "cases", "obligations", "victims", "hearings", "new_offences", "audit", "audit_head" })
        {
            foreach (var row in await connection.QueryAsync($"SELECT * FROM {table}"))
            {
                foreach (var value in (IDictionary<string, object>)row)
                {
                    text.Append(value.Value).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private async Task<long> LastSeq()
    {
        await using var connection = await Host.Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(seq), 0) FROM audit");
    }

    private async Task<List<AuditEntry>> AuditSince(long seq)
    {
        await using var connection = await Host.Database.OpenAsync(TestContext.Current.CancellationToken);
        return [.. await connection.QueryAsync<AuditEntry>(
            AuditChain.SelectEntries + " WHERE seq > @seq",
            new { seq })];
    }
}

/// <summary>The registry suite on SQLite.</summary>
public sealed class SqliteRegistryApiTests(SqliteHostFixture fixture) : RegistryApiTests, IClassFixture<SqliteHostFixture>
{
    protected override TribunalHost Host => fixture.Host;
}

/// <summary>The same suite on PostgreSQL; each test fails loudly when no server was provided.</summary>
public sealed class PostgresRegistryApiTests(PostgresHostFixture fixture) : RegistryApiTests, IClassFixture<PostgresHostFixture>
{
    protected override TribunalHost Host => fixture.Require();
}
