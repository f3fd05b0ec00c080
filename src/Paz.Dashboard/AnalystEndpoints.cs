using System.Globalization;
using System.Text.Json;
using Paz.Reports.Compare;
using Paz.Reports.Maps;
using Paz.Runs.Catalogue;
using Paz.Runs.Execution;
using Paz.Tribunal;
using Paz.Tribunal.Security;
using Paz.Web.Api;

namespace Paz.Dashboard;

/// <summary>A request to start a run: a shipped scenario's file, or an uploaded scenario's text.</summary>
public sealed record RunRequest(string? Scenario, string? Yaml, string? FileName, int? Replicates, bool? Point);

/// <summary>A run as the dashboard shows it (no server paths).</summary>
public sealed record RunAnswer(string Id, string Scenario, string Status, long Done, long Replicates, string Seed, string Parameters, string CodeVersion, string Created, string? Finished, string? Error, string? StartedBy, bool Served)
{
    internal static RunAnswer Of(StoredRun run, bool served = false) => new(
        run.Id, run.Scenario, RunCatalogue.Wire(run.Status), run.Done, run.Replicates, run.Seed, run.Parameters, run.CodeVersion, run.Created, run.Finished, run.Error, run.StartedBy, served);
}

/// <summary>A finished run with its summary's years (summary.json).</summary>
public sealed record RunDetail(RunAnswer Run, JsonElement? Years);

/// <summary>
/// The analysts' dashboard API under /api/runs and /api/scenarios (docs/runs.md): a route group of its own, open to the role
/// whose actions are <see cref="TribunalAction.RunRead"/> and <see cref="TribunalAction.RunStart"/> (analysts), audited like
/// the registry's actions. Charts and maps are drawn from the run's stored long rows.
/// </summary>
public static class AnalystEndpoints
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Maps every endpoint.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var runs = app.MapGroup("/api").WithTags("Analysts' runs");
        runs.MapGet("/scenarios", async (HttpContext http, Registry registry, RunDesk desk) =>
        {
            await Allow(http, registry, TribunalAction.RunRead, "scenarios", "allowed").ConfigureAwait(false);
            return Results.Ok(desk.Shipped());
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<IReadOnlyList<ShippedScenario>>();

        runs.MapGet("/runs", async (string? scenario, string? status, HttpContext http, Registry registry, RunDesk desk) =>
        {
            await Allow(http, registry, TribunalAction.RunRead, "runs", "allowed").ConfigureAwait(false);
            RunStatus? filter = status is { Length: > 0 } ? Enum.TryParse<RunStatus>(status, ignoreCase: true, out var s) ? s : throw RegistryException.Invalid("status", $"unknown status '{status}'; expected one of {string.Join(", ", Enum.GetValues<RunStatus>().Select(RunCatalogue.Wire))}") : null;
            var catalogue = await desk.CatalogueAsync().ConfigureAwait(false);
            return Results.Ok((await catalogue.ListAsync(scenario, filter).ConfigureAwait(false)).Select(r => RunAnswer.Of(r)));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<IReadOnlyList<RunAnswer>>();

        runs.MapPost("/runs", async (RunRequest? body, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var actor = await Allow(http, registry, TribunalAction.RunStart, "runs", "allowed: start requested").ConfigureAwait(false);
            var (run, claim) = await desk.StartAsync(body?.Scenario, body?.Yaml, body?.FileName, body?.Replicates, body?.Point ?? false, actor.Name).ConfigureAwait(false);
            return claim == Claim.Claimed
                ? Results.Accepted($"/api/runs/{run.Id}", RunAnswer.Of(run))
                : Results.Ok(RunAnswer.Of(run, served: claim == Claim.Served));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunStart)).Produces<RunAnswer>().Produces<RunAnswer>(StatusCodes.Status202Accepted);

        runs.MapGet("/runs/{id}", async (string id, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var run = await Find(http, registry, desk, id).ConfigureAwait(false);
            JsonElement? years = null;
            if (run.Servable)
            {
                using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(run.SummaryPath).ConfigureAwait(false));
                years = summary.RootElement.GetProperty("years").Clone();
            }

            return Results.Ok(new RunDetail(RunAnswer.Of(run), years));
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<RunDetail>();

        runs.MapGet("/runs/{id}/events", async (string id, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var run = await Find(http, registry, desk, id).ConfigureAwait(false);
            await Progress(http, desk, run).ConfigureAwait(false);
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        runs.MapGet("/runs/{id}/chart.svg", async (string id, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var run = Finished(await Find(http, registry, desk, id).ConfigureAwait(false));
            var (series, whole) = await Series(desk, run).ConfigureAwait(false);
            return Results.Content(ComparisonReport.Chart([series], Observed(desk, whole)), "image/svg+xml");
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<string>(StatusCodes.Status200OK, "image/svg+xml");

        runs.MapGet("/runs/{id}/map.svg", async (string id, int? year, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var run = Finished(await Find(http, registry, desk, id).ConfigureAwait(false));
            var rows = await StoredRows.ReadAsync(run.Outputs).ConfigureAwait(false);
            var shown = year ?? rows.Years[^1];
            if (!rows.Years.Contains(shown))
            {
                throw RegistryException.Invalid("year", $"run {run.Id} covers {rows.Years[0]}-{rows.Years[^1]}, not {shown}");
            }

            var svg = OutcomeMaps.MunicipalRate(desk.Data.Atlas, rows.MunicipalRates(desk.Data.Atlas, shown),
                $"{run.Scenario}: homicides per 100,000, {shown}", $"Mean of {run.Replicates} replicates, by municipality (run {run.Id})", "Paz simulation; population from INEGI's censuses, interpolated. Boundaries simplified (mxmaps).");
            return Results.Content(svg, "image/svg+xml");
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<string>(StatusCodes.Status200OK, "image/svg+xml");

        runs.MapGet("/runs/compare.svg", async (string? ids, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var wanted = (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count is < 2 or > 6)
            {
                throw RegistryException.Invalid("ids", "pick two to six runs to compare");
            }

            var series = new List<RateSeries>();
            var whole = new HashSet<int>();
            foreach (var id in wanted)
            {
                var (line, years) = await Series(desk, Finished(await Find(http, registry, desk, id).ConfigureAwait(false))).ConfigureAwait(false);
                series.Add(line);
                whole.UnionWith(years);
            }

            return Results.Content(ComparisonReport.Chart(series, Observed(desk, whole)), "image/svg+xml");
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<string>(StatusCodes.Status200OK, "image/svg+xml");

        runs.MapGet("/runs/{id}/homicides.csv", async (string id, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var run = Finished(await Find(http, registry, desk, id).ConfigureAwait(false));
            var rows = await StoredRows.ReadAsync(run.Outputs).ConfigureAwait(false);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{run.Scenario}-{run.Id}-homicides.csv\"";
            await rows.WriteCsvAsync(http.Response.Body).ConfigureAwait(false);
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces<string>(StatusCodes.Status200OK, "text/csv");

        runs.MapGet("/runs/{id}/homicides.parquet", async (string id, HttpContext http, Registry registry, RunDesk desk) =>
        {
            var run = Finished(await Find(http, registry, desk, id).ConfigureAwait(false));
            return Results.File(Path.Combine(run.Outputs, StoredRows.FileName), "application/vnd.apache.parquet", $"{run.Scenario}-{run.Id}-homicides.parquet");
        }).WithMetadata(new RequiresActionAttribute(TribunalAction.RunRead)).Produces(StatusCodes.Status200OK, contentType: "application/vnd.apache.parquet");
    }

    private static async Task<Actor> Allow(HttpContext http, Registry registry, TribunalAction action, string target, string outcome) =>
        await registry.AuthorizeOutsideAsync(TribunalEndpoints.Who(http), action, target, http.Request.Headers["X-Purpose"].FirstOrDefault(), outcome).ConfigureAwait(false);

    private static async Task<StoredRun> Find(HttpContext http, Registry registry, RunDesk desk, string id)
    {
        await Allow(http, registry, TribunalAction.RunRead, $"run:{id}", "allowed").ConfigureAwait(false);
        var catalogue = await desk.CatalogueAsync().ConfigureAwait(false);
        return await catalogue.GetAsync(id).ConfigureAwait(false) ?? throw new RegistryException(Refusal.NotFound, $"no run {id}");
    }

    private static StoredRun Finished(StoredRun run) =>
        run.Servable ? run : throw new RegistryException(Refusal.Conflict, $"run {run.Id} is {RunCatalogue.Wire(run.Status)}: its outputs are not there");

    // A run's national rate per year; a year it covers only in part is named, since its rate counts those months only.
    private static async Task<(RateSeries Series, IReadOnlyList<int> WholeYears)> Series(RunDesk desk, StoredRun run)
    {
        var rows = await StoredRows.ReadAsync(run.Outputs).ConfigureAwait(false);
        var national = rows.NationalRate(desk.Data.Atlas);
        var partial = national.Where(y => rows.MonthsIn(y.Year) < 12).Select(y => string.Create(Invariant, $"{y.Year}: {rows.MonthsIn(y.Year)} months")).ToList();
        var name = $"{run.Scenario} ({run.Id}{(partial.Count > 0 ? "; " + string.Join(", ", partial) : string.Empty)})";
        return (new RateSeries(name, [.. national.Select(y => y.Year)], [.. national.Select(y => y.Rate)]), [.. national.Select(y => y.Year).Where(y => rows.MonthsIn(y) == 12)]);
    }

    // INEGI's observed rate in the whole years the runs cover (to 2018, the data's end).
    private static Dictionary<int, double> Observed(RunDesk desk, IReadOnlyCollection<int> years) =>
        Paz.Core.Violence.HomicideOverview.NationalByYear(desk.Data.Atlas, desk.Data.Homicides)
            .Where(y => y.OccurredRate is not null && years.Contains(y.Year))
            .ToDictionary(y => y.Year, y => y.OccurredRate!.Value);

    // Server-sent events: the run's status and replicates done, every quarter second until it ends.
    private static async Task Progress(HttpContext http, RunDesk desk, StoredRun run)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        var catalogue = await desk.CatalogueAsync().ConfigureAwait(false);
        var cancel = http.RequestAborted;
        while (!cancel.IsCancellationRequested)
        {
            var current = await catalogue.GetAsync(run.Id).ConfigureAwait(false) ?? run;
            var done = desk.LiveProgress(run.Id) ?? (int)current.Done;
            var ended = current.Status is RunStatus.Done or RunStatus.Failed or RunStatus.Interrupted;
            var payload = JsonSerializer.Serialize(new { status = RunCatalogue.Wire(current.Status), done = ended && current.Status == RunStatus.Done ? current.Replicates : done, of = current.Replicates, error = current.Error });
            await http.Response.WriteAsync(string.Create(Invariant, $"event: progress\ndata: {payload}\n\n"), cancel).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
            if (ended)
            {
                return;
            }

            await Task.Delay(250, cancel).ConfigureAwait(false);
        }
    }
}
