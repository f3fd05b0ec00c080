using System.Globalization;
using System.Text;
using Dapper;
using Paz.Tribunal.Audit;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Tribunal;

public sealed partial class Registry
{
    /// <summary>Exports the case list as CSV (no personal fields).</summary>
    public Task<string> ExportAsync(Actor? actor, string? purpose) =>
        Read(actor, TribunalAction.Export, "cases:export", purpose, async (connection, transaction) =>
        {
            var rows = (await connection.QueryAsync<CaseRow>($"SELECT {CaseColumns} FROM cases ORDER BY number", transaction: transaction).ConfigureAwait(false)).Select(Item).ToList();
            var csv = new StringBuilder("number,rule_set,status,risk,filed,decision_due,overdue\n");
            foreach (var c in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{c.Number},{c.RuleSet},{Wire(c.Status)},{Wire(c.Risk)},{c.Filed},{c.DecisionDue},{(c.Overdue ? "yes" : "no")}\n");
            }

            return (csv.ToString(), "cases:export", $"allowed: {rows.Count} exported");
        });

    /// <summary>Reads the audit log from <paramref name="afterSeq"/> (at most 1,000 rows).</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(Actor? actor, string? purpose, long afterSeq, int limit) =>
        Read(actor, TribunalAction.AuditRead, "audit", purpose, async (connection, transaction) =>
        {
            IReadOnlyList<AuditEntry> rows = [.. await connection.QueryAsync<AuditEntry>(
                AuditChain.SelectEntries + " WHERE seq > @afterSeq ORDER BY seq LIMIT @limit",
                new { afterSeq, limit = (long)Math.Clamp(limit, 1, 1000) }, transaction).ConfigureAwait(false)];
            return (rows, "audit", $"allowed: {rows.Count} rows");
        });

    /// <summary>Verifies the audit chain (the verification itself is then recorded).</summary>
    public async Task<AuditVerification> VerifyAuditAsync(Actor? actor, string? purpose)
    {
        await Authorize(actor, TribunalAction.AuditVerify, "audit", Why(purpose)).ConfigureAwait(false);
        var result = await AuditChain.VerifyAsync(_database).ConfigureAwait(false);
        await Read(actor, TribunalAction.AuditVerify, "audit", purpose, (_, _) => Task.FromResult((0, "audit", result.Intact ? $"allowed: intact, {result.Rows} rows" : $"allowed: BROKEN, {result.Problems.Count} problems"))).ConfigureAwait(false);
        return result;
    }

    /// <summary>Aggregate statistics: counts only, never names or identifiers.</summary>
    public Task<Statistics> StatisticsAsync(Actor? actor, string? purpose) =>
        Read(actor, TribunalAction.StatisticsRead, "statistics", purpose, async (connection, transaction) =>
        {
            var rows = (await connection.QueryAsync<(string Status, string Risk, string RuleSet, string? Screening, string? Due)>(
                "SELECT status, risk, rule_set, screening, decision_due FROM cases", transaction: transaction).ConfigureAwait(false)).ToList();
            static IReadOnlyDictionary<string, long> Count(IEnumerable<string> keys) =>
                keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            var stats = new Statistics(
                rows.Count, Count(rows.Select(r => r.Status)), Count(rows.Select(r => r.Risk)), Count(rows.Select(r => r.RuleSet)),
                Count(rows.Select(r => r.Screening ?? "not_screened")), rows.Count(r => IsOverdue(FromWire<CaseStatus>(r.Status, "status"), r.Due)));
            return (stats, "statistics", "allowed");
        });
}
