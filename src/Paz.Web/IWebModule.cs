using System.Reflection;

namespace Paz.Web;

/// <summary>A page of the service: an embedded HTML file served at <paramref name="Path"/> with a content policy built from its own script and style.</summary>
/// <param name="Path">Where it is served (e.g. <c>/analyst</c>).</param>
/// <param name="Assembly">The assembly embedding it.</param>
/// <param name="Resource">The embedded resource's name.</param>
/// <param name="Images">The policy's <c>img-src</c> directive (e.g. <c>img-src 'self' data: blob:</c>).</param>
public sealed record PageSpec(string Path, Assembly Assembly, string Resource, string Images);

/// <summary>
/// A part of the service that lives in another project (the analysts' dashboard) and is plugged in by registering it
/// as a service before the application is built: the registry's own service keeps its dependencies to itself.
/// Its endpoints must name their action (<see cref="Api.RequiresActionAttribute"/>) like every other.
/// </summary>
public interface IWebModule
{
    /// <summary>The pages it serves.</summary>
    IReadOnlyList<PageSpec> Pages { get; }

    /// <summary>Maps its endpoints.</summary>
    void Map(WebApplication app);
}
