using Paz.Web;

namespace Paz.Dashboard;

/// <summary>The analysts' dashboard as a module of the tribunal's service: its page at /analyst and its API (docs/runs.md).</summary>
public sealed class DashboardModule : IWebModule
{
    /// <inheritdoc/>
    public IReadOnlyList<PageSpec> Pages { get; } =
        [new PageSpec("/analyst", typeof(DashboardModule).Assembly, "Paz.Dashboard.Ui.analyst.html", "img-src 'self' data: blob:")]; // charts arrive as blob: images

    /// <inheritdoc/>
    public void Map(WebApplication app) => AnalystEndpoints.Map(app);
}

/// <summary>Registration of the dashboard.</summary>
public static class DashboardServices
{
    /// <summary>Adds the dashboard (its module, desk and worker) to a service built by <see cref="TribunalApp.Build"/>.</summary>
    public static IServiceCollection AddAnalystDashboard(this IServiceCollection services)
    {
        services.AddSingleton<IWebModule, DashboardModule>();
        services.AddSingleton<RunDesk>();
        services.AddHostedService<RunWorker>();
        return services;
    }
}
