using Microsoft.Playwright;
using Paz.Tribunal;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests.Browser;

/// <summary>Each role's main flow through the page, in Debian's Chromium; no flow may log a console error.</summary>
public sealed class RolePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Registry Registry => fixture.Registry;

    private Actor User(Role role) => fixture.Users[role];

    private async Task<string> CaseFiled(string name)
    {
        var filed = await Registry.FileCaseAsync(User(Role.Clerk), "setup", new NewCase(name, "Calle 3, Oaxaca", "recommended", Scenario.EligibleFacts));
        return filed.Id;
    }

    [Fact]
    public async Task AClerkFilesACaseFromTheFormAndFindsItByNameAndByNumber()
    {
        var (page, errors) = await fixture.SignedIn(User(Role.Clerk));
        await page.ClickAsync("nav a[href='#/new']");
        await page.FillAsync("#applicant-name", "Rosa Intake Navegador");
        await page.SelectOptionAsync("#rule-set", "enacted-2020");
        await page.SelectOptionAsync("#fact-procedural_status", "sentenced");
        await page.FillAsync("#fact-applicant-age", "19");
        await page.SelectOptionAsync("#fact-applicant-poverty", "true");
        await page.SelectOptionAsync("#offence-1-category", "drug_transport");
        await page.FillAsync("#offence-1-committed", "2017-06-14");
        await page.SelectOptionAsync("#offence-1-violence", "false");
        await page.ClickAsync("#file");

        await page.WaitForSelectorAsync("#case-summary");
        Assert.Equal("Rosa Intake Navegador", await page.TextContentAsync("#applicant"));
        var number = (await page.TextContentAsync("h1"))!.Split(' ')[^1];

        // Other tests file cases in the same registry: each search must narrow the list to this one case.
        await page.ClickAsync("nav a[href='#/cases']");
        await page.WaitForSelectorAsync("#worklist");
        await page.FillAsync("#search-name", "rosa intake navegador");
        await page.ClickAsync("#search");
        // (Polled by Playwright's locators: the page's content policy rightly forbids evaluating strings.)
        await Assertions.Expect(page.Locator("#worklist tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(number, await page.TextContentAsync("#worklist tbody tr td:first-child"));

        await page.ClickAsync("button:text('Show all')");
        await Assertions.Expect(page.Locator("#search-name")).ToHaveValueAsync(string.Empty);
        await page.FillAsync("#filter-number", number);
        await page.ClickAsync("#search");
        await Assertions.Expect(page.Locator("#worklist tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(number, await page.TextContentAsync("#worklist tbody tr td:first-child"));
        await page.ClickAsync($"#worklist a:text-is('{number}')");
        await page.ClickAsync("button:text('Screen against the rule set')");
        await page.WaitForSelectorAsync("#screening .badge");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ACommissionerReviewsAndGrantsAndThePrintableDecisionNamesTheRulesAndVersion()
    {
        var id = await CaseFiled("Tomás Decisión Navegador");
        await Registry.ScreenAsync(User(Role.Clerk), "setup", id);
        var (page, errors) = await fixture.SignedIn(User(Role.Commissioner));
        await page.GotoAsync("/#/case/" + id);
        await page.ClickAsync("button:text('Send to the commission for review')");
        await page.WaitForSelectorAsync("#decision-form");
        await page.FillAsync("#reason", "Eligible: a lookout carrying drugs, no violence; discloses.");
        await page.ClickAsync("button:text('Grant the amnesty')");
        await page.WaitForSelectorAsync("#status .badge.granted");
        Assert.Equal("Eligible: a lookout carrying drugs, no violence; discloses.", await page.TextContentAsync("#decision-reason"));

        await page.ClickAsync("#print-link");
        await page.WaitForSelectorAsync("#decision-document");
        var document = await page.TextContentAsync("#decision-document");
        Assert.Contains("recommended (version", document, StringComparison.Ordinal);
        Assert.Contains("granted", document, StringComparison.Ordinal);
        Assert.True(await page.Locator("#decision-document ol li").CountAsync() > 0, "the rules that decided it are listed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnAdvocateRecordsAHearingOnAnAssignedCaseAndIsAnswered404OnAnother()
    {
        var assigned = await CaseFiled("Lucía Asignada Navegador");
        var other = await CaseFiled("Pedro Ajeno Navegador");
        await Registry.AssignAdvocateAsync(User(Role.Clerk), "setup", assigned, User(Role.VictimsAdvocate).Name);
        await Registry.AddVictimAsync(User(Role.VictimsAdvocate), "setup", assigned, "Madre de la víctima", "555 0199");
        var (page, errors) = await fixture.SignedIn(User(Role.VictimsAdvocate));

        await page.WaitForSelectorAsync("#worklist");
        var numbers = await page.Locator("#worklist tbody tr td:first-child").AllTextContentsAsync();
        var assignedNumber = (await Registry.GetCaseAsync(User(Role.Clerk), "test", assigned)).Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([assignedNumber], numbers);
        await page.ClickAsync($"#worklist a:text-is('{assignedNumber}')");
        await page.FillAsync("#hearing-date-0", "2019-02-11");
        await page.FillAsync("#hearing-statement-0", "Quiero saber dónde está mi hijo.");
        await page.ClickAsync("button:text('Record the hearing')");
        await page.WaitForSelectorAsync("#victims li:has-text('Quiero saber dónde está mi hijo.')");

        await page.GotoAsync("/#/case/" + other);
        var refusal = await page.WaitForSelectorAsync(".alert");
        Assert.Contains("no case with that id in your scope", await refusal!.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["Failed to load resource: the server responded with a status of 404 (Not Found)"], errors.Distinct()); // the refusal itself, nothing else
    }

    [Fact]
    public async Task AnAuditorVerifiesTheChainAndReadsTheLogInSpanish()
    {
        var (page, errors) = await fixture.SignedIn(User(Role.Auditor), "es-MX");
        await page.ClickAsync("nav a[href='#/audit']");
        await page.ClickAsync("#verify");
        var verdict = await page.WaitForSelectorAsync("#verification .notice");
        Assert.StartsWith("La bitácora está íntegra", await verdict!.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#audit-log tbody tr").CountAsync() > 5);
        await page.ClickAsync("#language");
        await page.ClickAsync("#verify");
        await page.WaitForSelectorAsync("#verification .notice:has-text('The audit log is intact')");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnAdministratorCreatesAUserAndDisablesThemAndTheyCannotSignIn()
    {
        var (page, errors) = await fixture.SignedIn(User(Role.Administrator));
        await page.WaitForSelectorAsync("#users");
        await page.FillAsync("#new-user-name", "nuevaclerk");
        await page.SelectOptionAsync("#new-user-role", "clerk");
        await page.FillAsync("#new-user-password", "una contraseña larga");
        await page.ClickAsync("#create-user button[type=submit]");
        await page.WaitForSelectorAsync("tr[data-user='nuevaclerk']");
        Assert.NotNull(await Registry.SignInAsync("nuevaclerk", "una contraseña larga", "192.0.2.50"));

        await page.ClickAsync("tr[data-user='nuevaclerk'] button:text('Disable')");
        await page.WaitForSelectorAsync("tr[data-user='nuevaclerk'] .badge:text('disabled')");
        await Assert.ThrowsAsync<RegistryException>(() => Registry.SignInAsync("nuevaclerk", "una contraseña larga", "192.0.2.50"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AScriptLadenApplicantNameIsShownAsTextAndNeverRuns()
    {
        const string Name = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>Ana";
        var id = await CaseFiled(Name);
        var (page, errors) = await fixture.SignedIn(User(Role.Clerk));
        await page.GotoAsync("/#/case/" + id);
        await page.WaitForSelectorAsync("#case-summary");
        Assert.Equal(Name, await page.TextContentAsync("#applicant"));
        Assert.Equal(0, await page.Locator("#applicant img, #applicant script").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("window.pwned"));
        Assert.DoesNotContain("null", await page.TextContentAsync("#main"), StringComparison.Ordinal); // no empty part printed as "null"
        Assert.Empty(errors);
    }
}
