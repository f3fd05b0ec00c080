using Paz.Tribunal.Security;

namespace Paz.Tribunal;

public sealed partial class Registry
{
    /// <summary>
    /// Checks <paramref name="actor"/> against the role × action table for an action done outside the registry's
    /// tables (the analysts' runs) and records it in the audit log with <paramref name="outcome"/>; a refusal is
    /// recorded and thrown as for the registry's own actions.
    /// </summary>
    public async Task<Actor> AuthorizeOutsideAsync(Actor? actor, TribunalAction action, string target, string? purpose, string outcome)
    {
        var why = Why(purpose);
        await Authorize(actor, action, target, why).ConfigureAwait(false);
        await Record(actor!.Name, Wire(actor.Role), action, target, why, outcome).ConfigureAwait(false);
        return actor;
    }
}
