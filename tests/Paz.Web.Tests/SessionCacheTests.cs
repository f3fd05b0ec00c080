using Paz.Rules.Amnesty;
using Paz.Storage;
using Paz.Tribunal;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;

namespace Paz.Web.Tests;

/// <summary>
/// Sessions a registry found valid are trusted for <see cref="SessionCache.Freshness"/> without asking the database:
/// a session ended through the same registry is refused at once, one ended by another process on the same database
/// once that freshness has passed.
/// </summary>
public sealed class SessionCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paz-sessions-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2018, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ASessionEndedThroughTheSameRegistryIsRefusedAtOnceThoughItWasJustFoundValid()
    {
        var (service, _, admin, token) = await AClerkSignedInOnTwoRegistries();
        Assert.NotNull(await service.AuthenticateAsync(token));

        await service.SetUserDisabledAsync(admin, "left the tribunal", "clerk", disabled: true);

        Assert.Null(await service.AuthenticateAsync(token));
    }

    [Fact]
    public async Task ASessionEndedByAnotherProcessIsRefusedOnceTheCachedAnswerIsNoLongerFresh()
    {
        var (service, commandLine, admin, token) = await AClerkSignedInOnTwoRegistries();
        Assert.NotNull(await service.AuthenticateAsync(token));

        await commandLine.SetUserDisabledAsync(admin, "left the tribunal", "clerk", disabled: true);
        var withinFreshness = await service.AuthenticateAsync(token);
        _clock.Advance(SessionCache.Freshness);
        var afterIt = await service.AuthenticateAsync(token);

        Assert.NotNull(withinFreshness);
        Assert.Null(afterIt);
        Assert.Null(await commandLine.AuthenticateAsync(token));
    }

    [Fact]
    public async Task AnExpiredSessionIsRefusedEvenWhileItsCachedAnswerIsFresh()
    {
        var (service, _, _, token) = await AClerkSignedInOnTwoRegistries();
        _clock.Advance(Registry.SessionLength - TimeSpan.FromSeconds(1));
        Assert.NotNull(await service.AuthenticateAsync(token));

        _clock.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Null(await service.AuthenticateAsync(token));
    }

    // Two registries on one SQLite file stand for the service and another process (the command line, a second service);
    // a clerk has signed in to the service.
    private async Task<(Registry Service, Registry Other, Actor Admin, string ClerkToken)> AClerkSignedInOnTwoRegistries()
    {
        var database = Database.Sqlite(Path.Combine(_folder, "tribunal.db"));
        await database.CreateSchemaAsync();
        var cipher = TribunalKeys.Generate().Cipher();
        var rules = RuleLibrary.LoadAll(RuleLibrary.Locate()).ToList();
        var service = new Registry(database, cipher, rules, _clock);
        var other = new Registry(database, cipher, rules, _clock);
        var admin = new Actor(await service.BootstrapAdministratorAsync("admin", TribunalHost.Password, iterations: 1000), "admin", Role.Administrator);
        await service.AddUserAsync(admin, "clerk", Role.Clerk, TribunalHost.Password, "setup", 1000);
        return (service, other, admin, await service.SignInAsync("clerk", TribunalHost.Password));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
