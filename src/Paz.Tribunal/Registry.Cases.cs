using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Paz.Core.Amnesty;
using Paz.Rules.Amnesty;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Tribunal;

public sealed partial class Registry
{
    private const string CaseColumns = "id, number, rule_set, status, risk, filed, decision_due, (SELECT name FROM users WHERE users.id = cases.advocate_id) AS advocate";

    /// <summary>Files a new case (status Filed); the decision deadline runs from now under the rule set's statute.</summary>
    public Task<CaseListItem> FileCaseAsync(Actor? actor, string? purpose, NewCase? request)
    {
        var (name, address, rules, facts) = Validate(request);
        return Run(actor, TribunalAction.CaseCreate, "case:new", purpose, async (connection, transaction) =>
        {
            var id = Guid.NewGuid().ToString("N");
            var number = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(number), 0) + 1 FROM cases", transaction: transaction).ConfigureAwait(false);
            var filed = _clock.GetUtcNow();
            var due = rules.DecisionDeadlineDays > 0 ? filed.AddDays(rules.DecisionDeadlineDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var risk = RiskAssessor.Assess(CaseFileReader.Parse(Encoding.UTF8.GetBytes(facts), "facts"));
            await connection.ExecuteAsync(
                """
                INSERT INTO cases (id, number, applicant_name_enc, applicant_address_enc, name_index, facts_enc, rule_set, rule_set_version, status, risk, filed, decision_due, clerk_id)
                VALUES (@id, @number, @nameEnc, @addressEnc, @index, @factsEnc, @ruleSet, @version, @status, @risk, @filed, @due, @clerk)
                """,
                new
                {
                    id, number, nameEnc = _cipher.Encrypt(name, "applicant_name"), addressEnc = _cipher.Encrypt(address, "applicant_address"), index = _cipher.Index(name),
                    factsEnc = _cipher.Encrypt(facts, "facts"), ruleSet = rules.Name, version = rules.Version, status = Wire(CaseStatus.Filed), risk = Wire(risk),
                    filed = filed.ToString("O", CultureInfo.InvariantCulture), due, clerk = actor!.UserId,
                }, transaction).ConfigureAwait(false);
            var item = new CaseListItem(id, number, rules.Name, CaseStatus.Filed, risk, filed.ToString("O", CultureInfo.InvariantCulture), due, false);
            return (item, $"case:{id}", "allowed: filed");
        });
    }

    private (string Name, string? Address, RuleSet Rules, string Facts) Validate(NewCase? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            throw RegistryException.Invalid("body", "expected a JSON object with applicant_name, applicant_address, rule_set and facts");
        }

        if (string.IsNullOrWhiteSpace(request.ApplicantName) || request.ApplicantName.Length > 200)
        {
            errors["applicant_name"] = ["the applicant's name is required (at most 200 characters)"];
        }

        if (request.ApplicantAddress is { Length: > 500 })
        {
            errors["applicant_address"] = ["at most 500 characters"];
        }

        RuleSet? rules = null;
        if (request.RuleSet is null || !_ruleSets.TryGetValue(request.RuleSet, out rules))
        {
            errors["rule_set"] = [$"expected one of {string.Join(", ", RuleSets)}"];
        }

        if (string.IsNullOrWhiteSpace(request.Facts) || request.Facts.Length > 100_000)
        {
            errors["facts"] = ["the facts are required, in the case-file format of docs/amnesty.md (at most 100,000 characters)"];
        }
        else
        {
            try
            {
                CaseFileReader.Parse(Encoding.UTF8.GetBytes(request.Facts), "facts");
            }
            catch (DataFormatException e)
            {
                errors["facts"] = [e.Message];
            }
        }

        return errors.Count > 0
            ? throw new RegistryException(Refusal.Invalid, "the case was not filed", errors)
            : (request.ApplicantName!.Trim(), request.ApplicantAddress, rules!, request.Facts!);
    }

    /// <summary>Reads one case with its personal fields.</summary>
    public Task<CaseView> GetCaseAsync(Actor? actor, string? purpose, string id) =>
        Read(actor, TribunalAction.CaseRead, $"case:{id}", purpose, async (connection, transaction) =>
        {
            var view = await LoadCase(connection, transaction, id).ConfigureAwait(false) ?? throw NotFound("case");
            return (view, $"case:{id}", "allowed");
        });

    /// <summary>Lists cases, optionally by status or only those past their statutory deadline.</summary>
    public Task<IReadOnlyList<CaseListItem>> ListCasesAsync(Actor? actor, string? purpose, CaseStatus? status = null, bool overdueOnly = false) =>
        Read(actor, TribunalAction.CaseList, "cases", purpose, async (connection, transaction) =>
        {
            // A victims' advocate's worklist is the cases assigned to them.
            var conditions = new List<string>();
            if (status is not null)
            {
                conditions.Add("status = @status");
            }

            if (Permissions.ScopedToAssignedCases(actor!.Role))
            {
                conditions.Add("advocate_id = @advocate");
            }

            var rows = await connection.QueryAsync<CaseRow>(
                $"SELECT {CaseColumns} FROM cases{(conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions))} ORDER BY number",
                new { status = status is { } s ? Wire(s) : null, advocate = actor.UserId }, transaction).ConfigureAwait(false);
            IReadOnlyList<CaseListItem> list = [.. rows.Select(Item).Where(c => !overdueOnly || c.Overdue)];
            return (list, overdueOnly ? "cases:overdue" : "cases", $"allowed: {list.Count} listed");
        });

    /// <summary>Finds cases by the applicant's exact name (case- and space-insensitive), through the blind index.</summary>
    public Task<IReadOnlyList<CaseListItem>> SearchAsync(Actor? actor, string? purpose, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw RegistryException.Invalid("name", "a name to search for is required (at most 200 characters)");
        }

        return Read(actor, TribunalAction.CaseSearch, "cases:search", purpose, async (connection, transaction) =>
        {
            var rows = await connection.QueryAsync<CaseRow>($"SELECT {CaseColumns} FROM cases WHERE {_database.AnyOf("name_index", "indexes")} ORDER BY number", new { indexes = _cipher.SearchIndexes(name).ToArray() }, transaction).ConfigureAwait(false);
            IReadOnlyList<CaseListItem> list = [.. rows.Select(Item)];
            return (list, "cases:search", $"allowed: {list.Count} found");
        });
    }

    /// <summary>Screens a filed case against its rule set; records the decision, explanation, risk and obligations.</summary>
    public Task<CaseView> ScreenAsync(Actor? actor, string? purpose, string id) =>
        Run(actor, TribunalAction.CaseScreen, $"case:{id}", purpose, async (connection, transaction) =>
        {
            var stored = await LoadCase(connection, transaction, id).ConfigureAwait(false) ?? throw NotFound("case");
            Move(stored.Status, CaseStatus.Screened);
            var rules = _ruleSets.TryGetValue(stored.RuleSet, out var r) ? r : throw new RegistryException(Refusal.Conflict, $"rule set {stored.RuleSet} is no longer loaded");
            var @case = CaseFileReader.Parse(Encoding.UTF8.GetBytes(stored.Facts), $"case {stored.Number}");
            var screening = Screener.Screen(rules, @case);
            var explanation = JsonSerializer.Serialize(screening.Reasons.Select(x => x.ToString()).ToList());
            await connection.ExecuteAsync(
                "UPDATE cases SET status = @status, screening = @decision, explanation_enc = @explanation, rule_set_version = @version, risk = @risk WHERE id = @id",
                new { status = Wire(CaseStatus.Screened), decision = Wire(screening.Decision), explanation = _cipher.Encrypt(explanation, "explanation"), version = rules.Version, risk = Wire(RiskAssessor.Assess(@case)), id },
                transaction).ConfigureAwait(false);
            foreach (var o in screening.Obligations)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO obligations (id, case_id, kind, text, hours_required, hours_done, completed) VALUES (@oid, @id, @kind, @text, @hours, 0, 0)",
                    new { oid = Guid.NewGuid().ToString("N"), id, kind = Wire(o.Kind), text = o.Text, hours = o.Hours }, transaction).ConfigureAwait(false);
            }

            var view = await LoadCase(connection, transaction, id).ConfigureAwait(false);
            return (view!, $"case:{id}", $"allowed: screened {Wire(screening.Decision)} under {rules.Name} {rules.Version}");
        });

    /// <summary>Takes a screened case under review.</summary>
    public Task<CaseView> ReviewAsync(Actor? actor, string? purpose, string id) =>
        Transition(actor, purpose, id, TribunalAction.CaseReview, CaseStatus.UnderReview, null);

    /// <summary>Grants or denies a case under review. A case the rule set found ineligible cannot be granted.</summary>
    public Task<CaseView> DecideAsync(Actor? actor, string? purpose, string id, bool grant, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            throw RegistryException.Invalid("reason", "a reason for the decision is required (at most 2,000 characters)");
        }

        return Transition(actor, purpose, id, TribunalAction.CaseDecide, grant ? CaseStatus.Granted : CaseStatus.Denied, reason);
    }

    private Task<CaseView> Transition(Actor? actor, string? purpose, string id, TribunalAction action, CaseStatus to, string? reason) =>
        Run(actor, action, $"case:{id}", purpose, async (connection, transaction) =>
        {
            var stored = await LoadCase(connection, transaction, id).ConfigureAwait(false) ?? throw NotFound("case");
            Move(stored.Status, to);
            if (to == CaseStatus.Granted && stored.Screening == Wire(Decision.Ineligible))
            {
                throw new RegistryException(Refusal.Conflict, "the rule set found this case ineligible; it cannot be granted");
            }

            await connection.ExecuteAsync(
                "UPDATE cases SET status = @status, decided = @decided, decision_reason_enc = COALESCE(@reason, decision_reason_enc) WHERE id = @id",
                new
                {
                    status = Wire(to), id, reason = reason is null ? null : _cipher.Encrypt(reason, "decision_reason"),
                    decided = to is CaseStatus.Granted or CaseStatus.Denied ? Now : stored.Decided,
                }, transaction).ConfigureAwait(false);
            return ((await LoadCase(connection, transaction, id).ConfigureAwait(false))!, $"case:{id}", $"allowed: {Wire(stored.Status)} -> {Wire(to)}");
        });

    /// <summary>
    /// Records a new offence by a beneficiary. Where the rule set has a no-repetition clause and the case
    /// was granted, the amnesty is revoked; otherwise the offence is recorded and the status kept.
    /// </summary>
    public Task<CaseView> RecordNewOffenceAsync(Actor? actor, string? purpose, string id, string? committed, string? description)
    {
        if (!DateOnly.TryParseExact(committed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw RegistryException.Invalid("committed", "the date of the new offence is required (yyyy-MM-dd)");
        }

        if (string.IsNullOrWhiteSpace(description) || description.Length > 2000)
        {
            throw RegistryException.Invalid("description", "a description of the new offence is required (at most 2,000 characters)");
        }

        return Run(actor, TribunalAction.CaseRevoke, $"case:{id}", purpose, async (connection, transaction) =>
        {
            var stored = await LoadCase(connection, transaction, id).ConfigureAwait(false) ?? throw NotFound("case");
            var revocable = stored.Status == CaseStatus.Granted && _ruleSets.TryGetValue(stored.RuleSet, out var rules) && rules.RevokeOnNewOffence;
            await connection.ExecuteAsync(
                "INSERT INTO new_offences (id, case_id, committed, description_enc, revoked) VALUES (@oid, @id, @committed, @description, @revoked)",
                new { oid = Guid.NewGuid().ToString("N"), id, committed, description = _cipher.Encrypt(description, "new_offence"), revoked = revocable ? 1 : 0 }, transaction).ConfigureAwait(false);
            if (revocable)
            {
                Move(stored.Status, CaseStatus.Revoked);
                await connection.ExecuteAsync("UPDATE cases SET status = @status WHERE id = @id", new { status = Wire(CaseStatus.Revoked), id }, transaction).ConfigureAwait(false);
            }

            var outcome = revocable ? "allowed: revoked under the no-repetition clause"
                : stored.Status == CaseStatus.Granted ? $"allowed: recorded; {stored.RuleSet} has no no-repetition clause, amnesty stands"
                : "allowed: recorded; the case was not granted";
            return ((await LoadCase(connection, transaction, id).ConfigureAwait(false))!, $"case:{id}", outcome);
        });
    }

    /// <summary>The user names of the enabled victims' advocates, for those who assign them.</summary>
    public Task<IReadOnlyList<string>> ListAdvocatesAsync(Actor? actor, string? purpose) =>
        Read(actor, TribunalAction.AdvocateAssign, "users:advocates", purpose, async (connection, transaction) =>
        {
            IReadOnlyList<string> names = [.. await connection.QueryAsync<string>("SELECT name FROM users WHERE role = @role AND disabled = 0 ORDER BY name",
                new { role = Wire(Role.VictimsAdvocate) }, transaction).ConfigureAwait(false)];
            return (names, "users:advocates", $"allowed: {names.Count} listed");
        });

    /// <summary>Assigns a victims' advocate (by user name) to a case.</summary>
    public Task<CaseView> AssignAdvocateAsync(Actor? actor, string? purpose, string id, string? advocate) =>
        Run(actor, TribunalAction.AdvocateAssign, $"case:{id}", purpose, async (connection, transaction) =>
        {
            var stored = await LoadCase(connection, transaction, id).ConfigureAwait(false) ?? throw NotFound("case");
            var user = await connection.QuerySingleOrDefaultAsync<string>("SELECT id FROM users WHERE name = @advocate AND role = @role",
                new { advocate = advocate ?? string.Empty, role = Wire(Role.VictimsAdvocate) }, transaction).ConfigureAwait(false)
                ?? throw RegistryException.Invalid("advocate", "no victims' advocate with that user name");
            await connection.ExecuteAsync("UPDATE cases SET advocate_id = @user WHERE id = @id", new { user, id }, transaction).ConfigureAwait(false);
            return ((await LoadCase(connection, transaction, id).ConfigureAwait(false))!, $"case:{stored.Id}", $"allowed: advocate {user}");
        });

    /// <summary>Records progress on an obligation of a granted case.</summary>
    public Task<CaseView> UpdateObligationAsync(Actor? actor, string? purpose, string id, string obligationId, double hoursDone, bool completed)
    {
        if (!double.IsFinite(hoursDone) || hoursDone < 0 || hoursDone > 100_000)
        {
            throw RegistryException.Invalid("hours_done", "hours done must be a number from 0 to 100,000");
        }

        return Run(actor, TribunalAction.ObligationUpdate, $"case:{id}", purpose, async (connection, transaction) =>
        {
            var view = await LoadCase(connection, transaction, id).ConfigureAwait(false) ?? throw NotFound("case");
            if (view.Status != CaseStatus.Granted)
            {
                // Screening lists the obligations a grant would bring; there is nothing to fulfil before the grant.
                throw new RegistryException(Refusal.Conflict, $"obligations are fulfilled under a granted amnesty; this case is {Wire(view.Status)}");
            }

            var changed = await connection.ExecuteAsync("UPDATE obligations SET hours_done = @hoursDone, completed = @done WHERE id = @obligationId AND case_id = @id",
                new { hoursDone, done = completed ? 1 : 0, obligationId, id }, transaction).ConfigureAwait(false);
            if (changed == 0)
            {
                throw NotFound("obligation");
            }

            return ((await LoadCase(connection, transaction, id).ConfigureAwait(false))!, $"obligation:{obligationId}", "allowed");
        });
    }

    private static void Move(CaseStatus from, CaseStatus to)
    {
        if (!CaseTransitions.CanMove(from, to))
        {
            throw new RegistryException(Refusal.Conflict, $"a case that is {Wire(from)} cannot become {Wire(to)}");
        }
    }

    private async Task<CaseView?> LoadCase(DbConnection connection, DbTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<FullCaseRow>(
            """
            SELECT id AS Id, number AS Number, applicant_name_enc AS NameEnc, applicant_address_enc AS AddressEnc, facts_enc AS FactsEnc,
                   rule_set AS RuleSet, rule_set_version AS RuleSetVersion, status AS Status, risk AS Risk, screening AS Screening,
                   explanation_enc AS ExplanationEnc, decision_reason_enc AS ReasonEnc, filed AS Filed, decision_due AS DecisionDue,
                   decided AS Decided, advocate_id AS AdvocateId, (SELECT name FROM users WHERE users.id = cases.advocate_id) AS Advocate
            FROM cases WHERE id = @id
            """, new { id }, transaction).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var obligations = await connection.QueryAsync<(string Id, string Kind, string Text, double Required, double Done, long Completed)>(
            "SELECT id, kind, text, hours_required, hours_done, completed FROM obligations WHERE case_id = @id ORDER BY kind, id", new { id }, transaction).ConfigureAwait(false);
        var history = await connection.QueryAsync<CaseEvent>(
            "SELECT at AS At, actor AS Actor, action AS Action, outcome AS Outcome FROM audit WHERE target = @target AND outcome LIKE 'allowed%' AND action NOT IN ('case_read', 'victim_read') ORDER BY seq",
            new { target = $"case:{id}" }, transaction).ConfigureAwait(false);
        var status = FromWire<CaseStatus>(row.Status, "status");
        var explanation = _cipher.Decrypt(row.ExplanationEnc, "explanation");
        return new CaseView(
            row.Id, row.Number, _cipher.Decrypt(row.NameEnc, "applicant_name")!, _cipher.Decrypt(row.AddressEnc, "applicant_address"), row.RuleSet, row.RuleSetVersion,
            status, FromWire<RiskCategory>(row.Risk, "risk"), row.Screening, explanation is null ? [] : JsonSerializer.Deserialize<List<string>>(explanation)!,
            _cipher.Decrypt(row.ReasonEnc, "decision_reason"), row.Filed, row.DecisionDue, IsOverdue(status, row.DecisionDue), row.Decided,
            _cipher.Decrypt(row.FactsEnc, "facts")!, [.. obligations.Select(o => new ObligationView(o.Id, o.Kind, o.Text, o.Required, o.Done, o.Completed != 0))], row.AdvocateId,
            row.Advocate, [.. history]);
    }

    private CaseListItem Item(CaseRow row)
    {
        var status = FromWire<CaseStatus>(row.Status, "status");
        return new CaseListItem(row.Id, row.Number, row.Rule_Set, status, FromWire<RiskCategory>(row.Risk, "risk"), row.Filed, row.Decision_Due, IsOverdue(status, row.Decision_Due), row.Advocate);
    }

    private bool IsOverdue(CaseStatus status, string? due) =>
        CaseTransitions.Pending(status) && due is not null
        && DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) < DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

#pragma warning disable CA1812, IDE1006 // Dapper materializes these from column names
    private sealed record CaseRow(string Id, long Number, string Rule_Set, string Status, string Risk, string Filed, string? Decision_Due, string? Advocate);

    private sealed class FullCaseRow
    {
        public string Id { get; set; } = string.Empty;
        public long Number { get; set; }
        public string NameEnc { get; set; } = string.Empty;
        public string? AddressEnc { get; set; }
        public string FactsEnc { get; set; } = string.Empty;
        public string RuleSet { get; set; } = string.Empty;
        public string RuleSetVersion { get; set; } = string.Empty;
        public string Status { get; set; } = string.Empty;
        public string Risk { get; set; } = string.Empty;
        public string? Screening { get; set; }
        public string? ExplanationEnc { get; set; }
        public string? ReasonEnc { get; set; }
        public string Filed { get; set; } = string.Empty;
        public string? DecisionDue { get; set; }
        public string? Decided { get; set; }
        public string? AdvocateId { get; set; }

        public string? Advocate { get; set; }
    }
#pragma warning restore CA1812, IDE1006
}
