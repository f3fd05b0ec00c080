using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests.Browser;

/// <summary>
/// The registry served by Kestrel on a loopback port (a browser needs a real address) on a fresh SQLite file,
/// one user per role, and Debian's Chromium driven by Playwright. Without Chromium every browser test skips,
/// loudly; .ci/run installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string _folder = string.Empty;

    public static string? Chromium => Candidates.FirstOrDefault(File.Exists);

    public IBrowser? Browser { get; private set; }

    public Registry Registry => _app!.Services.GetRequiredService<Registry>();

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public Dictionary<Role, Actor> Users { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (Chromium is null)
        {
            return;
        }

        _folder = Directory.CreateTempSubdirectory("paz-browser-").FullName;
        var port = Paz.Tests.Loopback.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _app = TribunalApp.Build(
        [
            $"--Tribunal:Database={Path.Combine(_folder, "tribunal.db")}",
            $"--Tribunal:Keys:k1={Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 5 + 1)).ToArray())}",
            "--Tribunal:CurrentKey=k1",
            $"--Tribunal:Rules={RuleLibrary.Locate()}",
            "--Tribunal:SignInsPerMinute=100000",
            $"--Analyst:Runs={Path.Combine(_folder, "runs")}",
            $"--urls={Address.ToString().TrimEnd('/')}",
        ], builder => Paz.Dashboard.DashboardServices.AddAnalystDashboard(builder.Services));
        await _app.StartAsync();
        var admin = new Actor(await Registry.BootstrapAdministratorAsync("admin", TribunalHost.Password, iterations: 1000), "admin", Role.Administrator);
        Users[Role.Administrator] = admin;
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Administrator))
        {
            var name = TribunalHost.UserName(role);
            Users[role] = new Actor(await Registry.AddUserAsync(admin, name, role, TribunalHost.Password, "test setup", iterations: 1000), name, role);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine's network is closed: Chromium's own background connections would only fail.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page (its own storage) in English, with every console error and uncaught exception collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPage(string locale = "en-US")
    {
        if (Browser is null)
        {
            Console.Error.WriteLine("!!!!! SKIPPED: Chromium is not installed (apt-get install chromium); the registry's pages were NOT tested in a browser !!!!!");
            Assert.Skip("Chromium (Debian package 'chromium') is not installed: the registry's pages were not tested in a browser");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Opens the page and signs in as <paramref name="user"/> through the form.</summary>
    public async Task<(IPage Page, List<string> Errors)> SignedIn(Actor user, string locale = "en-US")
    {
        var (page, errors) = await NewPage(locale);
        await page.GotoAsync("/");
        await page.FillAsync("#user", user.Name);
        await page.FillAsync("#password", TribunalHost.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#sign-out");
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
