using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Paz.Core.Amnesty;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>Random and malformed requests never produce a server error nor leave a partial case behind.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Templates =
    [
        "/api/session", "/api/users", "/api/cases", "/api/cases/{id}", "/api/cases/search?name={text}", "/api/cases?status={text}&overdue={text}",
        "/api/cases/{id}/screen", "/api/cases/{id}/review", "/api/cases/{id}/decision", "/api/cases/{id}/new-offences", "/api/cases/{id}/advocate",
        "/api/cases/{id}/obligations/{id}", "/api/cases/{id}/victims", "/api/cases/{id}/victims/{id}/hearings", "/api/export",
        "/api/audit?after={text}&limit={text}", "/api/audit/verify", "/api/statistics", "/api/rule-sets", "/{text}", "/api/{text}",
        "/api/session/password", "/api/users/{text}/disable", "/api/users/{text}/enable", "/api/advocates", "/api/facts",
    ];

    private static readonly string[] Fields =
    [
        "name", "password", "role", "applicant_name", "applicant_address", "rule_set", "facts", "grant", "reason", "committed", "description",
        "advocate", "hours_done", "completed", "contact", "held_on", "statement", "current_password", "new_password",
    ];

    /// <summary>10,000 in the suite; <c>PAZ_FUZZ_REQUESTS=100000 dotnet test --filter FuzzTests</c> for more.</summary>
    [Fact]
    public async Task RandomOrMalformedRequestsNeverGiveA500NorAPartialCase()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("PAZ_FUZZ_REQUESTS"), out var requested) && requested > 0 ? requested : 10_000;
        using var host = new TribunalHost(Backend.Sqlite);
        var known = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            known.Add((await Scenario.CaseIn(host, (CaseStatus)(i % 4))).Case);
        }

        var roles = Enum.GetValues<Role>();
        var clients = roles.Select(r => host.Client(host.Users[r])).Append(host.RawClient()).ToList();
        var random = new Random(20261128);
        var statuses = new Dictionary<int, int>();
        var cancel = TestContext.Current.CancellationToken;
        for (var i = 0; i < count; i++)
        {
            var which = random.Next(clients.Count);
            var client = clients[which];
            using var request = new HttpRequestMessage(Method(random), Path(random, known));
            if (random.Next(10) == 0)
            {
                request.Headers.TryAddWithoutValidation("Authorization", random.Next(2) == 0 ? "Bearer " + Junk(random, 40) : Junk(random, 20));
            }

            request.Content = Body(random, known);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancel);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // The in-memory test server refuses an escaped NUL in the path before the application sees
                // it; Kestrel answers such a request line with 400.
                statuses[400] = statuses.GetValueOrDefault(400) + 1;
                continue;
            }

            using (response)
            {
                var code = (int)response.StatusCode;
                statuses[code] = statuses.GetValueOrDefault(code) + 1;
                Assert.True(code < 500, $"request {i}: {request.Method} {request.RequestUri} gave {code}: {await response.Content.ReadAsStringAsync(cancel)}");
            }

            // A session that a random request ended (sign-out, a password change) is replaced, so each role keeps being tried.
            if (which < roles.Length && request.RequestUri!.AbsolutePath.StartsWith("/api/session", StringComparison.Ordinal)
                && await host.Registry.AuthenticateAsync(client.DefaultRequestHeaders.Authorization?.Parameter) is null)
            {
                client.Dispose();
                clients[which] = host.Client(host.Users[roles[which]]);
            }
        }

        foreach (var c in clients)
        {
            c.Dispose();
        }

        TestContext.Current.TestOutputHelper?.WriteLine("status codes: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));

        // Enough of the traffic got through to real work for the check to mean something.
        Assert.True(statuses.Where(s => s.Key < 300).Sum(s => s.Value) > 200, string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        await AssertNoPartialCase(host);
    }

    private static async Task AssertNoPartialCase(TribunalHost host)
    {
        await using var connection = await host.Database.OpenAsync(TestContext.Current.CancellationToken);
        var cases = (await connection.QueryAsync<(string Id, string Status, string? Screening)>("SELECT id, status, screening FROM cases")).ToList();
        var created = (await connection.QueryAsync<string>("SELECT target FROM audit WHERE action = 'case_create' AND outcome LIKE 'allowed%'")).ToList();
        Assert.Equal(cases.Count, created.Count);
        Assert.Equal(cases.Select(c => "case:" + c.Id).Order(StringComparer.Ordinal), created.Order(StringComparer.Ordinal));
        foreach (var c in cases)
        {
            var view = await host.Registry.GetCaseAsync(host.Users[Role.Commissioner], "fuzz check", c.Id);
            Assert.False(string.IsNullOrWhiteSpace(view.ApplicantName));
            CaseFileReader.Parse(Encoding.UTF8.GetBytes(view.Facts), "stored facts");
            Assert.Equal(c.Status != "filed", c.Screening is not null);
        }

        var orphans = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM obligations o JOIN cases c ON c.id = o.case_id WHERE c.status = 'filed'");
        Assert.Equal(0, orphans);
        Assert.True((await AuditChain.VerifyAsync(host.Database)).Intact);
    }

    private static HttpMethod Method(Random random) => random.Next(10) switch
    {
        < 4 => HttpMethod.Post,
        < 8 => HttpMethod.Get,
        8 => HttpMethod.Put,
        _ => random.Next(2) == 0 ? HttpMethod.Delete : HttpMethod.Patch,
    };

    private static string Path(Random random, List<string> known)
    {
        var path = Templates[random.Next(Templates.Length)];
        while (path.Contains("{id}", StringComparison.Ordinal))
        {
            var id = random.Next(4) switch { 0 => Guid.NewGuid().ToString("N"), 1 => Uri.EscapeDataString(Junk(random, 30)), _ => known[random.Next(known.Count)] };
            path = ReplaceFirst(path, "{id}", id);
        }

        while (path.Contains("{text}", StringComparison.Ordinal))
        {
            path = ReplaceFirst(path, "{text}", Uri.EscapeDataString(random.Next(3) == 0 ? random.Next(-5, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture) : Junk(random, random.Next(0, 60))));
        }

        return path;
    }

    private static HttpContent? Body(Random random, List<string> known)
    {
        string text;
        switch (random.Next(8))
        {
            case 0:
                return null;
            case 1:
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                return new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            case 2:
                text = "{\"applicant_name\": \"" + Junk(random, 10);
                break;
            case 3:
                text = "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Value(random, 2, known))) + "]";
                break;
            default:
                var fields = Enumerable.Range(0, random.Next(0, 8)).Select(_ => Fields[random.Next(Fields.Length)]).Distinct();
                text = "{" + string.Join(",", fields.Select(f => $"\"{f}\": {(f == "facts" && random.Next(2) == 0 ? Facts(random) : f == "rule_set" && random.Next(2) == 0 ? "\"recommended\"" : Value(random, 2, known))}")) + "}";
                break;
        }

        return new StringContent(text, Encoding.UTF8, random.Next(6) == 0 ? "text/plain" : "application/json");
    }

    // Mostly well-formed case files with random values: the part of the input most likely to reach storage.
    private static string Facts(Random random)
    {
        var rank = new[] { "lookout", "leader", "middle_layer", "boss", "\"", "" }[random.Next(6)];
        var age = random.Next(3) == 0 ? $"\"{Junk(random, 4)}\"" : random.Next(-10, 120).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var category = FactCatalog.OffenceCategories[random.Next(FactCatalog.OffenceCategories.Count)];
        var violence = random.Next(2) == 0 ? "true" : "false";
        var escapedRank = rank.Replace("\"", "\\\"", StringComparison.Ordinal);
        return "{\"case_id\": \"F" + random.Next(1000) + "\", \"facts\": {\"procedural_status\": \"sentenced\", \"applicant\": {\"age\": " + age
            + ", \"group_rank\": \"" + escapedRank + "\"}}, \"offences\": [{\"category\": \"" + category + "\", \"violence\": " + violence + "}]}";
    }

    private static string Value(Random random, int depth, List<string> known) => random.Next(depth > 0 ? 9 : 7) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => (random.NextDouble() * 1e6 * (random.Next(2) == 0 ? -1 : 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "\"" + new string('x', random.Next(0, 120_000)) + "\"",
        4 => "\"" + known[random.Next(known.Count)] + "\"",
        5 => "\"2021-0" + random.Next(1, 13) + "-1" + random.Next(0, 10) + "\"",
        6 => System.Text.Json.JsonSerializer.Serialize(Junk(random, random.Next(0, 40))),
        7 => "[" + Value(random, depth - 1, known) + "]",
        _ => "{\"" + Fields[random.Next(Fields.Length)] + "\": " + Value(random, depth - 1, known) + "}",
    };

    private static string Junk(Random random, int length)
    {
        const string alphabet = "abcXYZ019 _-./\\%'\"<>{}[]:;ñé\u0000\u202e漢";
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var i = text.IndexOf(what, StringComparison.Ordinal);
        return text[..i] + with + text[(i + what.Length)..];
    }
}
