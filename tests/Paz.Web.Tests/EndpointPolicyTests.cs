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
        Assert.Equal(["/", "/api/rule-sets", "/api/session", "/openapi/{documentName}.json"], anonymous);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheApi()
    {
        using var client = fixture.Host.RawClient();
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("\"/api/cases/{id}/decision\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/audit/verify\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIntakePageIsServed()
    {
        using var client = fixture.Host.RawClient();
        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("File an application", page, StringComparison.Ordinal);
    }
}
