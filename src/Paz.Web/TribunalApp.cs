using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Paz.Rules.Amnesty;
using Paz.Tribunal;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Web.Api;
using Paz.Storage;

namespace Paz.Web;

/// <summary>
/// Builds the tribunal's web service: the JSON API under /api, the OpenAPI document at /openapi/v1.json
/// and the page every role works in at / (docs/tribunal.md, "The page"). Configuration (command line, environment or appsettings):
/// <c>Tribunal:Database</c> (SQLite file, default tribunal.db) or <c>Tribunal:PostgreSql</c> (a
/// connection string), <c>Tribunal:KeyFile</c> (see <see cref="TribunalKeys"/>; reloaded when it changes, see
/// <see cref="KeyFileReload"/>), <c>Tribunal:Rules</c>
/// (the rule-set folder, default the nearest rules/amnesty).
/// </summary>
public static class TribunalApp
{
    /// <summary>Builds the application; the schema is created if missing.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        // Read configuration when the registry is first needed, so that test hosts can set it late.
        builder.Services.AddSingleton(services => CreateRegistry(services.GetRequiredService<IConfiguration>().GetSection("Tribunal")));
        builder.Services.AddSingleton(services => new KeyFileReload(services.GetRequiredService<IConfiguration>()["Tribunal:KeyFile"], services.GetRequiredService<ILogger<KeyFileReload>>()));
        builder.Services.AddProblemDetails();
        builder.Services.AddRateLimiter(SignInLimits.Configure);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer(OpenApiDocumentation.DeclareBearerSessions).AddOperationTransformer(OpenApiDocumentation.MarkAnonymousOperations).AddOperationTransformer(OpenApiDocumentation.DeclareRefusals));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<Registry>(); // fail at start, not at the first request, on bad configuration
        var modules = app.Services.GetServices<IWebModule>().ToList();
        var pages = modules.SelectMany(m => m.Pages).Prepend(RegistryPage).ToDictionary(p => p.Path, p => new UiPage(p), StringComparer.Ordinal);
        app.Use((http, next) => SecurityHeaders(http, next, pages));
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteProblem, StatusCodeSelector = StatusOf });
        app.UseStatusCodePages();
        app.Use(Refusals);
        app.UseRouting();
        app.UseRateLimiter();
        app.Use(SessionAndDefaultDeny);
        app.MapOpenApi().AllowAnonymous();
        TribunalEndpoints.Map(app);
        modules.ForEach(m => m.Map(app));
        foreach (var (path, page) in pages)
        {
            app.MapGet(path, () => Results.Content(page.Html.Value, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    // The registry's page: a static file embedded so that it is served however the service is started.
    private static readonly PageSpec RegistryPage = new("/", typeof(TribunalApp).Assembly, "Paz.Web.Ui.index.html", "img-src 'self' data:");


    // A page's own script and style, by hash: the browser runs nothing else, not even a script an applicant's
    // name smuggled into the page, and no other site may frame it.
    private sealed class UiPage
    {
        public UiPage(PageSpec spec)
        {
            Html = new(() =>
            {
                using var stream = spec.Assembly.GetManifestResourceStream(spec.Resource) ?? throw new InvalidOperationException($"no embedded page {spec.Resource}");
                return new StreamReader(stream).ReadToEnd();
            });
            Policy = new(() => $"default-src 'none'; script-src 'sha256-{Hash(Html.Value, "script")}'; style-src 'sha256-{Hash(Html.Value, "style")}'; connect-src 'self'; {spec.Images}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        }

        public Lazy<string> Html { get; }

        public Lazy<string> Policy { get; }

        private static string Hash(string page, string tag)
        {
            var open = page.IndexOf($"<{tag}>", StringComparison.Ordinal) + tag.Length + 2;
            var body = page[open..page.IndexOf($"</{tag}>", open, StringComparison.Ordinal)];
            return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
        }
    }

    // Every answer: not to be sniffed, framed or cached (cases hold personal data); the page: its content policy.
    private static Task SecurityHeaders(HttpContext http, Func<Task> next, Dictionary<string, UiPage> pages)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = pages.TryGetValue(http.Request.Path.Value ?? string.Empty, out var page) ? page.Policy.Value : "default-src 'none'; frame-ancestors 'none'";
        return next();
    }

    private static Registry CreateRegistry(IConfigurationSection settings)
    {
        var postgres = settings["PostgreSql"];
        var database = string.IsNullOrEmpty(postgres) ? Database.Sqlite(settings["Database"] ?? "tribunal.db") : Database.Postgres(postgres);
        var keyFile = settings["KeyFile"];
        var keys = keyFile is not null ? TribunalKeys.Read(keyFile)
            : settings.GetSection("Keys").GetChildren().Any() ? new TribunalKeys(settings["CurrentKey"] ?? string.Empty, settings.GetSection("Keys").GetChildren().ToDictionary(k => k.Key, k => k.Value ?? string.Empty), settings["IndexKey"])
            : throw new InvalidOperationException("no encryption keys: set Tribunal:KeyFile (create one with 'paz tribunal init') or Tribunal:Keys:<id> and Tribunal:CurrentKey");
        var rules = RuleLibrary.LoadAll(RuleLibrary.Locate(settings["Rules"]));
        database.CreateSchemaAsync().GetAwaiter().GetResult();
        var cipher = keys.Cipher();
        KeyChecks.EnsureAsync(database, cipher).GetAwaiter().GetResult();
        return new Registry(database, cipher, rules, TimeProvider.System);
    }

    // Resolves the bearer token to an actor, and refuses any endpoint that names neither an action nor
    // AllowAnonymous: a new endpoint is closed until someone decides who may use it. Routing's own rejections
    // (405 for a method a route does not take, 415 for a body it does not accept) are not routes and pass.
    private static async Task SessionAndDefaultDeny(HttpContext http, Func<Task> next)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is RouteEndpoint && endpoint.Metadata.GetMetadata<RequiresActionAttribute>() is null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await http.RequestServices.GetRequiredService<KeyFileReload>().RefreshAsync(http.RequestServices.GetRequiredService<Registry>()).ConfigureAwait(false);

        var token = BearerToken(http);
        http.Items[typeof(Actor)] = token is null ? null : await http.RequestServices.GetRequiredService<Registry>().AuthenticateAsync(token).ConfigureAwait(false);
        await next().ConfigureAwait(false);
    }

    /// <summary>The session token of the request's <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    // Refusals are the registry working as intended: answered as problem details, not logged as failures.
    private static async Task Refusals(HttpContext http, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RegistryException or BadHttpRequestException or JsonException && !http.Response.HasStarted)
        {
            http.Features.Set<IExceptionHandlerFeature>(new RefusalFeature(e, http));
            await WriteProblem(http).ConfigureAwait(false);
        }
    }

    private sealed class RefusalFeature(Exception error, HttpContext http) : IExceptionHandlerFeature
    {
        public Exception Error => error;

        public string Path => http.Request.Path;

        public Endpoint? Endpoint => http.GetEndpoint();

        public RouteValueDictionary? RouteValues => http.Request.RouteValues;
    }

    private static int StatusOf(Exception e) => e switch
    {
        RegistryException r => r.Refusal switch
        {
            Refusal.Unauthenticated => StatusCodes.Status401Unauthorized,
            Refusal.Denied => StatusCodes.Status403Forbidden,
            Refusal.NotFound => StatusCodes.Status404NotFound,
            Refusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        BadHttpRequestException b => b.StatusCode,
        JsonException or FormatException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static async Task WriteProblem(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? StatusCodes.Status500InternalServerError : StatusOf(error);
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var details = error is RegistryException { Refusal: Refusal.Invalid } invalid
            ? new HttpValidationProblemDetails(invalid.Errors.ToDictionary()) { Status = status, Title = "The request is invalid", Detail = invalid.Message }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = status switch { 401 => "Sign in first", 403 => "Not allowed for your role", 404 => "Not found", 409 => "Not possible in the record's current state", 500 => "Internal error", _ => "The request is invalid" },
                Detail = status == 500 ? null : error?.Message,
            };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = error }).ConfigureAwait(false);
    }
}
