using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Paz.Web;

/// <summary>
/// The per-address rate limit on sign-in and password change (ASP.NET Core's RateLimiter, a fixed window per client
/// address): it bounds how fast one address can guess passwords across all names, and how fast anonymous clients
/// can grow the audit log. <c>Tribunal:SignInsPerMinute</c> sets the limit (default 30). Refused attempts answer
/// 429 with Retry-After and are not audited (auditing them would hand the disk back to the flood).
/// </summary>
public static class SignInLimits
{
    /// <summary>The policy's name.</summary>
    public const string Policy = "sign-in";

    /// <summary>Attempts per minute per address unless configured.</summary>
    public const int DefaultPerMinute = 30;

    /// <summary>Adds the policy.</summary>
    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancel) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts", Detail = "too many sign-in attempts from your address; wait a minute" },
            }).ConfigureAwait(false);
        };
        options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Tribunal:SignInsPerMinute", DefaultPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }
}
