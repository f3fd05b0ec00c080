using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paz.Web.Api;

/// <summary>
/// What the generated OpenAPI document cannot infer: every operation takes the session's bearer token
/// (<c>POST /api/session</c> issues it) except the few open to anyone.
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
}
