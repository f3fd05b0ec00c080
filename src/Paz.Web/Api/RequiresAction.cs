using Paz.Tribunal.Security;

namespace Paz.Web.Api;

/// <summary>
/// Endpoint metadata naming the action an endpoint performs. Every endpoint carries either this or
/// AllowAnonymous; one with neither is refused at run time (deny by default) and fails a reflection test.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequiresActionAttribute(TribunalAction action) : Attribute
{
    /// <summary>The action.</summary>
    public TribunalAction Action { get; } = action;
}
