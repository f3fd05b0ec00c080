using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Acornima;

namespace Paz.Web.Tests;

/// <summary>The page at / loads: its scripts parse, and the browser is told to run only them.</summary>
public sealed partial class PageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    private async Task<(string Page, HttpResponseHeaders Headers)> Get(string path)
    {
        using var client = fixture.Host.RawClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers);
    }

    [Fact]
    public async Task EveryScriptOfThePageParsesSoItsHandlersAttach()
    {
        // A syntax error anywhere in a script stops all of it: "Sign in" then only reloads the page.
        var (page, _) = await Get("/");
        var scripts = InlineScript().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var parsed = new Parser().ParseScript(script);
            Assert.NotEmpty(parsed.Body);
        }
    }

    [Fact]
    public void AScriptWithAStrayParenthesisIsCaught()
    {
        // The check above can fail: the page's old line, with its stray parenthesis, does not parse.
        Assert.ThrowsAny<ParseErrorException>(() => new Parser().ParseScript("function f(e){ throw new Error((e && e.detail) || 'x') + ('y')); }"));
    }

    [Fact]
    public async Task ThePageAllowsOnlyItsOwnScriptAndCannotBeFramedOrSniffed()
    {
        var (page, headers) = await Get("/");
        var policy = string.Join(' ', headers.GetValues("Content-Security-Policy"));
        var script = InlineScript().Match(page).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var scriptSource = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal($"script-src 'sha256-{hash}'", scriptSource); // that script and no other, nothing inline besides
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task ApiAnswersAreNeitherCachedNorSniffed()
    {
        var (_, headers) = await Get("/api/rule-sets");
        Assert.Contains("no-store", headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
    }
}
