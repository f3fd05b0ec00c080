using Microsoft.Playwright;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests.Browser;

/// <summary>The analysts' dashboard at /analyst, end to end in Debian's Chromium: start, watch, open, compare, download; roles kept apart.</summary>
public sealed class AnalystDashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, List<string> Errors)> SignedIn(Role role)
    {
        var (page, errors) = await fixture.NewPage();
        await page.GotoAsync("/analyst");
        await page.FillAsync("#name", fixture.Users[role].Name);
        await page.FillAsync("#password", TribunalHost.Password);
        await page.ClickAsync("#signin-button");
        return (page, errors);
    }

    private static async Task StartAndWatch(IPage page, string yaml)
    {
        await page.SelectOptionAsync("#scenario", string.Empty);
        await page.FillAsync("#yaml", yaml);
        await page.FillAsync("#replicates", "2");
        await page.CheckAsync("#point");
        await page.ClickAsync("#start");
        // The bar is fed by the server's events while the replicates run; it must reach 100%.
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("value", "100", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#progress-text")).ToContainTextAsync("2 of 2 replicates (100%), done");
    }

    private static async Task<double> HeightOf(ILocator image) => (await image.BoundingBoxAsync())?.Height ?? 0;

    [Fact]
    public async Task AnAnalystStartsARunWatchesItFinishOpensItComparesItAndDownloadsItsCsv()
    {
        var (page, errors) = await SignedIn(Role.Analyst);
        await page.WaitForSelectorAsync("#start-section");
        Assert.True(await page.Locator("#scenario option").CountAsync() > 3); // the shipped scenarios are offered

        await StartAndWatch(page, AnalystRunTests.TinyScenario("dashboard-first", seed: 21));
        await Assertions.Expect(page.Locator("#run-title")).ToContainTextAsync("dashboard-first");
        await Assertions.Expect(page.Locator("#run-chart")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Assertions.Expect(page.Locator("#run-map")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Assertions.Expect(page.Locator("#run-years tr")).ToHaveCountAsync(1); // 2015
        Assert.True(await HeightOf(page.Locator("#run-chart")) > 100, "the chart was not drawn");
        Assert.True(await HeightOf(page.Locator("#run-map")) > 100, "the map was not drawn");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("replicate,seed,cve_mun,year,month,homicides", csv[0]);
        Assert.Equal(1 + (2 * 2469 * 2), csv.Length);
        Assert.EndsWith("-homicides.csv", download.SuggestedFilename, StringComparison.Ordinal);

        await StartAndWatch(page, AnalystRunTests.TinyScenario("dashboard-second", seed: 22));
        await page.FillAsync("#filter-scenario", "dashboard-");
        await page.ClickAsync("#refresh");
        await Assertions.Expect(page.Locator("#runs tr[data-run]")).ToHaveCountAsync(2);
        foreach (var pick in await page.Locator("#runs input.pick").AllAsync())
        {
            await pick.CheckAsync();
        }

        await page.ClickAsync("#compare");
        await Assertions.Expect(page.Locator("#compare-chart")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        Assert.True(await HeightOf(page.Locator("#compare-chart")) > 100, "the comparison was not drawn");

        // The same request again is served from the catalogue, said so on the page.
        await page.FillAsync("#yaml", AnalystRunTests.TinyScenario("dashboard-first", seed: 21));
        await page.ClickAsync("#start");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("already holds this run");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AClerkSignedInToTheDashboardIsToldItIsForAnalystsAndStartsNothing()
    {
        var (page, _) = await SignedIn(Role.Clerk);
        await Assertions.Expect(page.Locator("#alert")).ToContainTextAsync("Not allowed for your role");
        Assert.False(await page.Locator("#dashboard").IsVisibleAsync());
    }
}
