using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Paz.Web.Api;

namespace Paz.Web.Tests;

public sealed class EndpointPolicyTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public void EveryEndpointNamesItsActionOrIsExplicitlyAnonymous()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found");
        var open = endpoints.Where(e => e.Metadata.GetMetadata<RequiresActionAttribute>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(open.Count == 0, $"endpoints without a policy: {string.Join(", ", open)}");
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText!).Order(StringComparer.Ordinal);
        Assert.Equal(["/", "/analyst", "/api/facts", "/api/rule-sets", "/api/session", "/api/session", "/openapi/{documentName}.json"], anonymous); // /api/session: sign-in and sign-out; the pages hold no data
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheApi()
    {
        using var client = fixture.Host.RawClient();
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("\"/api/cases/{id}/decision\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/audit/verify\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/runs/{id}/events\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentDeclaresTheBearerSessionAndWhichOperationsNeedNone()
    {
        using var client = fixture.Host.RawClient();
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("session");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("session", out _));
        Assert.Equal(0, root.GetProperty("paths").GetProperty("/api/session").GetProperty("post").GetProperty("security").GetArrayLength());
        Assert.False(root.GetProperty("paths").GetProperty("/api/cases").GetProperty("post").TryGetProperty("security", out _)); // the document's requirement applies
    }

    [Fact]
    public async Task TheOpenApiDocumentListsEachOperationsBodyRefusalsAndEnumValues()
    {
        using var client = fixture.Host.RawClient();
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var read = root.GetProperty("paths").GetProperty("/api/cases/{id}").GetProperty("get").GetProperty("responses");
        Assert.Equal(["200", "400", "401", "403", "404"], read.EnumerateObject().Select(r => r.Name));
        Assert.Equal("#/components/schemas/CaseView", read.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(root.GetProperty("paths").GetProperty("/api/cases/{id}/decision").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(root.GetProperty("paths").GetProperty("/api/session").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
        var statuses = root.GetProperty("components").GetProperty("schemas").GetProperty("CaseStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(Enum.GetValues<Paz.Tribunal.Cases.CaseStatus>().Select(v => Paz.Tribunal.Registry.Wire(v)), statuses);
    }

    [Fact]
    public async Task TheRegistryPageIsServedWithItsLabelsInSpanishAndEnglish()
    {
        using var client = fixture.Host.RawClient();
        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("File the application", page, StringComparison.Ordinal);
        Assert.Contains("Registrar la solicitud", page, StringComparison.Ordinal);
    }
}
