using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paz.Web.Api;

/// <summary>
/// What the generated OpenAPI document cannot infer: every operation takes the session's bearer token
/// (<c>POST /api/session</c> issues it) except the few open to anyone, and the refusals each may answer
/// (RFC 9457 problem details). Success bodies are declared on the endpoints (<c>Produces</c>); their enums
/// are listed by value because the service writes them as snake_case strings.
/// </summary>
public static class OpenApiDocumentation
{
    /// <summary>The security scheme's name in the document.</summary>
    public const string Scheme = "session";

    /// <summary>Declares the bearer scheme and requires it of every operation.</summary>
    public static Task DeclareBearerSessions(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The token POST /api/session returns, valid 8 hours: Authorization: Bearer <token>.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }

    /// <summary>Operations open to anyone (sign-in, the rule sets) require no token.</summary>
    public static Task MarkAnonymousOperations(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }

    /// <summary>Declares the refusals an operation may answer, from what it is: 400 always; 401 and 403 unless open to anyone;
    /// 404 where the path names a record; 409 where a POST changes a record's state; 429 where sign-in's rate limit applies.</summary>
    public static Task DeclareRefusals(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var path = context.Description.RelativePath ?? string.Empty;
        var post = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        operation.Responses ??= [];
        void Refusal(int status, string description)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() },
                };
            }
        }

        Refusal(400, "Invalid input: problem details naming each field (and the line, for facts).");
        if (!anonymous)
        {
            Refusal(401, "No valid session: sign in with POST /api/session.");
            Refusal(403, "The role may not perform this action (docs/tribunal.md, Roles and actions).");
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            Refusal(404, "No such record in the caller's scope.");
        }

        if (post && !anonymous && path.Contains('{', StringComparison.Ordinal))
        {
            Refusal(409, "Not possible in the record's current state (e.g. deciding a case not under review).");
        }

        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
        {
            Refusal(429, "Too many attempts from this address; wait as Retry-After says.");
        }

        return Task.CompletedTask;
    }
}
