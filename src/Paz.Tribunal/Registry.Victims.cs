using System.Data.Common;
using System.Globalization;
using Dapper;
using Paz.Tribunal.Security;

namespace Paz.Tribunal;

public sealed partial class Registry
{
    /// <summary>Registers a victim of a case (victims' advocates: only on cases assigned to them).</summary>
    public Task<string> AddVictimAsync(Actor? actor, string? purpose, string caseId, string? name, string? contact)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw RegistryException.Invalid("name", "the victim's name is required (at most 200 characters)");
        }

        if (contact is { Length: > 500 })
        {
            throw RegistryException.Invalid("contact", "at most 500 characters");
        }

        return Run(actor, TribunalAction.VictimCreate, $"case:{caseId}", purpose, async (connection, transaction) =>
        {
            await InScope(connection, transaction, actor!, caseId).ConfigureAwait(false);
            var id = Guid.NewGuid().ToString("N");
            await connection.ExecuteAsync("INSERT INTO victims (id, case_id, name_enc, contact_enc) VALUES (@id, @caseId, @name, @contact)",
                new { id, caseId, name = _cipher.Encrypt(name.Trim(), "victim_name"), contact = _cipher.Encrypt(contact, "victim_contact") }, transaction).ConfigureAwait(false);
            return (id, $"victim:{id}", "allowed");
        });
    }

    /// <summary>The victims of a case and their hearings.</summary>
    public Task<IReadOnlyList<VictimView>> ListVictimsAsync(Actor? actor, string? purpose, string caseId) =>
        Read(actor, TribunalAction.VictimRead, $"case:{caseId}", purpose, async (connection, transaction) =>
        {
            await InScope(connection, transaction, actor!, caseId).ConfigureAwait(false);
            var victims = await connection.QueryAsync<(string Id, string Name, string? Contact)>(
                "SELECT id, name_enc, contact_enc FROM victims WHERE case_id = @caseId ORDER BY id", new { caseId }, transaction).ConfigureAwait(false);
            var hearings = (await connection.QueryAsync<(string Id, string VictimId, string HeldOn, string Statement)>(
                "SELECT id, victim_id, held_on, statement_enc FROM hearings WHERE case_id = @caseId ORDER BY held_on, id", new { caseId }, transaction).ConfigureAwait(false)).ToList();
            IReadOnlyList<VictimView> list = [.. victims.Select(v => new VictimView(
                v.Id, _cipher.Decrypt(v.Name, "victim_name")!, _cipher.Decrypt(v.Contact, "victim_contact"),
                [.. hearings.Where(h => h.VictimId == v.Id).Select(h => new HearingView(h.Id, h.HeldOn, _cipher.Decrypt(h.Statement, "hearing_statement")!))]))];
            return (list, $"case:{caseId}:victims", $"allowed: {list.Count} victims");
        });

    /// <summary>Records a hearing at which a victim confronted the applicant.</summary>
    public Task<string> AddHearingAsync(Actor? actor, string? purpose, string caseId, string victimId, string? heldOn, string? statement)
    {
        if (!DateOnly.TryParseExact(heldOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw RegistryException.Invalid("held_on", "the hearing's date is required (yyyy-MM-dd)");
        }

        if (string.IsNullOrWhiteSpace(statement) || statement.Length > 10_000)
        {
            throw RegistryException.Invalid("statement", "the victim's statement is required (at most 10,000 characters)");
        }

        return Run(actor, TribunalAction.HearingCreate, $"case:{caseId}", purpose, async (connection, transaction) =>
        {
            await InScope(connection, transaction, actor!, caseId).ConfigureAwait(false);
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM victims WHERE id = @victimId AND case_id = @caseId", new { victimId, caseId }, transaction).ConfigureAwait(false) == 0)
            {
                throw NotFound("victim");
            }

            var id = Guid.NewGuid().ToString("N");
            await connection.ExecuteAsync("INSERT INTO hearings (id, victim_id, case_id, held_on, statement_enc) VALUES (@id, @victimId, @caseId, @heldOn, @statement)",
                new { id, victimId, caseId, heldOn, statement = _cipher.Encrypt(statement, "hearing_statement") }, transaction).ConfigureAwait(false);
            return (id, $"hearing:{id}", "allowed");
        });
    }

    // Victims' advocates see only the cases assigned to them; to them other cases do not exist.
    private static async Task InScope(DbConnection connection, DbTransaction transaction, Actor actor, string caseId)
    {
        var advocate = await connection.QuerySingleOrDefaultAsync<(string Id, string? Advocate)>(
            "SELECT id, advocate_id FROM cases WHERE id = @caseId", new { caseId }, transaction).ConfigureAwait(false);
        if (advocate.Id is null || (Permissions.ScopedToAssignedCases(actor.Role) && advocate.Advocate != actor.UserId))
        {
            throw NotFound("case");
        }
    }
}
