using System.Data.Common;
using System.Globalization;
using Paz.Core.Amnesty;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Security;
using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Tribunal;

/// <summary>
/// The tribunal's case registry. Every operation names the actor, the action and a purpose; the role ×
/// action table is checked first, and every attempt — allowed, refused or denied — leaves an audit
/// record. An allowed change's record is written in the change's own transaction, so the log and the data
/// cannot disagree; a read's record is committed before its answer is returned (with other waiting records, in one
/// transaction: <see cref="AuditBatch"/>); a refused attempt is recorded after its transaction rolled back.
/// </summary>
public sealed partial class Registry
{
    private readonly Database _database;
    private volatile FieldCipher _cipher;
    private readonly IReadOnlyDictionary<string, RuleSet> _ruleSets;
    private readonly TimeProvider _clock;
    private readonly AuditBatch _audit;
    private readonly SessionCache _sessions;

    /// <summary>Creates a registry over a database whose schema exists (see <see cref="Database.CreateSchemaAsync"/>).</summary>
    public Registry(Database database, FieldCipher cipher, IEnumerable<RuleSet> ruleSets, TimeProvider clock)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));
        ArgumentNullException.ThrowIfNull(ruleSets);
        _ruleSets = ruleSets.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _audit = new AuditBatch(database);
        _sessions = new SessionCache(clock);
    }

    /// <summary>
    /// Replaces the encryption keys while the registry serves (a rotation added a key and made it current): the
    /// caller has checked them against the database (<see cref="KeyChecks.EnsureAsync"/>). An operation that has
    /// started finishes with whichever keys it read; both sets decrypt every value written so far.
    /// </summary>
    public void UseKeys(FieldCipher cipher) => _cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));

    /// <summary>The database.</summary>
    public Database Database => _database;

    /// <summary>The rule sets cases may be filed under.</summary>
    public IReadOnlyCollection<string> RuleSets => [.. _ruleSets.Keys.Order(StringComparer.Ordinal)];

    private string Now => _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    /// <summary>Runs an action for an actor: permission check, transaction, audit record.</summary>
    private async Task<T> Run<T>(Actor? actor, TribunalAction action, string target, string? purpose, Func<DbConnection, DbTransaction, Task<(T Result, string Target, string Outcome)>> work)
    {
        var why = Why(purpose);
        await Authorize(actor, action, target, why).ConfigureAwait(false);
        try
        {
            return await _database.InTransactionAsync(async (connection, transaction) =>
            {
                var (result, finalTarget, outcome) = await work(connection, transaction).ConfigureAwait(false);
                await AuditChain.AppendAsync(_database, connection, transaction, Now, actor!.Name, Wire(actor.Role), Wire(action), finalTarget, why, outcome).ConfigureAwait(false);
                return result;
            }).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await RecordFailure(actor!, action, target, why, failure).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs a read for an actor: permission check, a read-only snapshot, then the audit record in its own short write
    /// transaction. The answer is returned only once its record is committed, so nothing is read unrecorded; and
    /// reads, which change nothing, do not queue behind the single writer for the time they take.
    /// </summary>
    private async Task<T> Read<T>(Actor? actor, TribunalAction action, string target, string? purpose, Func<DbConnection, DbTransaction, Task<(T Result, string Target, string Outcome)>> work)
    {
        var why = Why(purpose);
        await Authorize(actor, action, target, why).ConfigureAwait(false);
        (T Result, string Target, string Outcome) answer;
        try
        {
            answer = await _database.InReadTransactionAsync(work).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await RecordFailure(actor!, action, target, why, failure).ConfigureAwait(false);
            throw;
        }

        await Record(actor!.Name, Wire(actor.Role), action, answer.Target, why, answer.Outcome).ConfigureAwait(false);
        return answer.Result;
    }

    // A refusal (the registry working as intended) or a failure (a value that no longer decrypts, a database error):
    // either way an access attempt, recorded after the operation's transaction rolled back.
    private Task RecordFailure(Actor actor, TribunalAction action, string target, string why, Exception failure) =>
        Record(actor.Name, Wire(actor.Role), action, target, why,
            failure is RegistryException refused ? $"refused: {refused.Refusal}: {refused.Message}" : $"failed: {failure.GetType().Name}");

    /// <summary>Checks the role × action table; records and throws on a denial.</summary>
    private async Task Authorize(Actor? actor, TribunalAction action, string target, string why)
    {
        if (actor is null)
        {
            await Record("anonymous", "none", action, target, why, "denied: not signed in").ConfigureAwait(false);
            throw new RegistryException(Refusal.Unauthenticated, "sign in first");
        }

        if (!Permissions.Allows(actor.Role, action))
        {
            await Record(actor.Name, Wire(actor.Role), action, target, why, $"denied: role {Wire(actor.Role)} may not {Wire(action)}").ConfigureAwait(false);
            throw new RegistryException(Refusal.Denied, $"role {Wire(actor.Role)} may not {Wire(action)}");
        }
    }

    private static string Why(string? purpose) =>
        string.IsNullOrWhiteSpace(purpose) ? "(no purpose stated)" : purpose.Trim()[..Math.Min(200, purpose.Trim().Length)];

    // Committed with whatever other records are waiting (AuditBatch), before the caller goes on.
    private Task Record(string actor, string role, TribunalAction action, string target, string purpose, string outcome) =>
        _audit.AppendAsync(new PendingAuditRecord(Now, actor, role, Wire(action), target, purpose, outcome));

    /// <summary>An enum as it appears on the wire and in the audit log: snake_case.</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The enum value whose wire name (<see cref="Wire"/>) is <paramref name="wire"/>; refuses anything else
    /// as invalid input on <paramref name="field"/>, listing the accepted names.
    /// </summary>
    public static TEnum FromWire<TEnum>(string? wire, string field)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Wire(value) == wire)
            {
                return value;
            }
        }

        throw RegistryException.Invalid(field, $"unknown {field} '{wire}'; expected one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => Wire(v)))}");
    }

    private static RegistryException NotFound(string what) => new(Refusal.NotFound, $"no {what} with that id in your scope");
}
