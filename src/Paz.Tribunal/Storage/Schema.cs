namespace Paz.Tribunal.Storage;

/// <summary>
/// The registry's tables. Personal fields (<c>*_enc</c>) hold only ciphertext from
/// <see cref="Security.FieldCipher"/>; the audit log is append-only and hash-chained, with its head
/// (last sequence number and hash) kept in <c>audit_head</c> so that deleting the newest rows is detected too.
/// </summary>
public static class Schema
{
    /// <summary>CREATE statements, portable between SQLite and PostgreSQL.</summary>
    public static readonly IReadOnlyList<string> Statements =
    [
        """
        CREATE TABLE IF NOT EXISTS users (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
            disabled BIGINT NOT NULL DEFAULT 0, created TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS sign_in_failures (
            name_key TEXT NOT NULL, address TEXT NOT NULL, failed BIGINT NOT NULL, last_failed TEXT NOT NULL, locked_until TEXT NULL,
            PRIMARY KEY (name_key, address))
        """,
        "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), expires TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS cases (
            id TEXT PRIMARY KEY, number BIGINT NOT NULL UNIQUE,
            applicant_name_enc TEXT NOT NULL, applicant_address_enc TEXT NULL, name_index TEXT NOT NULL, facts_enc TEXT NOT NULL,
            rule_set TEXT NOT NULL, rule_set_version TEXT NOT NULL, status TEXT NOT NULL, risk TEXT NOT NULL,
            screening TEXT NULL, explanation_enc TEXT NULL, decision_reason_enc TEXT NULL,
            filed TEXT NOT NULL, decision_due TEXT NULL, decided TEXT NULL,
            clerk_id TEXT NOT NULL REFERENCES users(id), advocate_id TEXT NULL REFERENCES users(id))
        """,
        "CREATE INDEX IF NOT EXISTS cases_name_index ON cases (name_index)",
        """
        CREATE TABLE IF NOT EXISTS obligations (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), kind TEXT NOT NULL, text TEXT NOT NULL,
            hours_required DOUBLE PRECISION NOT NULL, hours_done DOUBLE PRECISION NOT NULL, completed BIGINT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS victims (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), name_enc TEXT NOT NULL, contact_enc TEXT NULL)",
        """
        CREATE TABLE IF NOT EXISTS hearings (
            id TEXT PRIMARY KEY, victim_id TEXT NOT NULL REFERENCES victims(id), case_id TEXT NOT NULL REFERENCES cases(id),
            held_on TEXT NOT NULL, statement_enc TEXT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS new_offences (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), committed TEXT NOT NULL, description_enc TEXT NOT NULL, revoked BIGINT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS audit (
            seq BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,
            target TEXT NOT NULL, purpose TEXT NOT NULL, outcome TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
        """,
        // Every request appends a record, each to a random place in an index on the target alone, which no query used:
        // under load it was most of the pages each commit wrote (and a checkpoint then copied). Dropped where an older
        // version created it.
        "DROP INDEX IF EXISTS audit_target",
        // A case's history (every change to it, not the reads of it, which grow with every request): without this index
        // each read of a case scanned all earlier reads of it.
        "CREATE INDEX IF NOT EXISTS audit_changes ON audit (target, seq) WHERE action NOT IN ('case_read', 'victim_read')",
        "CREATE TABLE IF NOT EXISTS audit_head (id BIGINT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS key_checks (kind TEXT NOT NULL, key_id TEXT NOT NULL, check_value TEXT NOT NULL, PRIMARY KEY (kind, key_id))",
    ];

    /// <summary>
    /// Columns added after a table was first shipped: (table, column, definition), added to a database that lacks them.
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("users", "disabled", "BIGINT NOT NULL DEFAULT 0"),
    ];

    /// <summary>
    /// Every encrypted column, with the field name its values are authenticated with: what a key rotation
    /// re-encrypts. Each table's first column is its primary key.
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Field)> EncryptedColumns =
    [
        ("cases", "applicant_name_enc", "applicant_name"),
        ("cases", "applicant_address_enc", "applicant_address"),
        ("cases", "facts_enc", "facts"),
        ("cases", "explanation_enc", "explanation"),
        ("cases", "decision_reason_enc", "decision_reason"),
        ("victims", "name_enc", "victim_name"),
        ("victims", "contact_enc", "victim_contact"),
        ("hearings", "statement_enc", "hearing_statement"),
        ("new_offences", "description_enc", "new_offence"),
    ];

    /// <summary>
    /// Triggers that make the audit table append-only inside the database too, so that a bug or a
    /// careless hand cannot change history; someone who drops them is still caught by the hash chain.
    /// </summary>
    public static IReadOnlyList<string> AppendOnly(bool postgres) => postgres
        ?
        [
            "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql",
            "CREATE OR REPLACE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
        ]
        :
        [
            "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        ];

    /// <summary>Statements that remove the append-only triggers (tests that play the intruder use them).</summary>
    public static IReadOnlyList<string> DropAppendOnly(bool postgres) => postgres
        ? ["DROP TRIGGER IF EXISTS audit_no_update ON audit"]
        : ["DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete"];
}
