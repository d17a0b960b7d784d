package dev.importer.operations.control;

import dev.importer.operations.entity.IfUserExists;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OutcomeCount;
import dev.importer.operations.entity.Prediction;
import dev.importer.platform.NamedSql;
import dev.importer.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides and applies the outcome of staged users, set-based: a batch is one statement,
 * whatever its size. The run ({@link #importBatch}) and the dry run ({@link #predict}) share
 * the rules ({@link #JUDGED}), so the dry run predicts exactly what the run does.
 *
 * <p>Once the users that repeat an earlier staged user are set aside, the others have
 * distinct usernames and addresses: the outcome of one never depends on another, so a batch
 * may judge all its users at once, against the users table as it is.
 */
@ApplicationScoped
public class UserImport {

    /**
     * The rows of an operation that repeat the username (ignoring case, as usernames are
     * unique) or an address of an earlier row.
     */
    private static final String DUPLICATES = """
            SELECT id FROM (
                SELECT id, min(id) OVER (PARTITION BY lower(data->>'username')) AS first
                FROM import_data WHERE operation_id = :operation AND data_type = 'user') by_username
            WHERE id <> first
            UNION
            SELECT id FROM (
                SELECT id, min(id) OVER (PARTITION BY lower(address)) AS first
                FROM import_data, jsonb_array_elements_text(data->'emails') AS staged (address)
                WHERE operation_id = :operation AND data_type = 'user') by_address
            WHERE id <> first""";

    /**
     * The outcome and reason of each row of {@code candidates (id, data, duplicate_in_import, ...)},
     * with the id of the user of the same name (ignoring case) when there is one. Each fact is
     * a lookup by a unique index, written so that no estimate can turn it into a scan per row,
     * and made once per user (MATERIALIZED: inlined, each CASE branch would repeat it).
     * {@code :grantable} holds the roles the caller who runs the import may give
     * (RoleGrants). Rules, first match wins:
     * duplicate in the import; a role that no longer exists (failed); a role the caller may
     * not give (failed); username taken (with update: skipped when that user holds a role the
     * caller may not give, else updated; otherwise skipped); an address taken, in any letter
     * case; else imported.
     */
    private static final String JUDGED = """
            checked AS MATERIALIZED (
                SELECT c.*,
                    (SELECT id FROM users
                     WHERE lower(users.username) = lower(c.data->>'username') AND NOT users.username_collision
                    ) AS existing_id,
                    (SELECT staged.role FROM jsonb_array_elements_text(c.data->'roles') AS staged (role)
                     WHERE NOT EXISTS (SELECT 1 FROM roles WHERE roles.name = staged.role) LIMIT 1) AS unknown_role,
                    EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.data->'roles') AS staged (role)
                            WHERE staged.role <> ALL (CAST(:grantable AS text[]))) AS role_not_allowed,
                    :ifUserExists = 'update' AND EXISTS (
                        SELECT 1 FROM users existing JOIN user_roles held ON held.user_id = existing.id
                        WHERE lower(existing.username) = lower(c.data->>'username') AND NOT existing.username_collision
                          AND held.role <> ALL (CAST(:grantable AS text[]))) AS user_protected,
                    EXISTS (SELECT 1 FROM user_emails taken WHERE lower(taken.address) = ANY (ARRAY(
                        SELECT lower(staged.address)
                        FROM jsonb_array_elements_text(c.data->'emails') AS staged (address)
                    ))) AS address_taken
                FROM candidates c
            ),
            judged AS (
                SELECT checked.*,
                       CASE WHEN duplicate_in_import THEN 'skipped'
                            WHEN unknown_role IS NOT NULL OR role_not_allowed THEN 'failed'
                            WHEN existing_id IS NOT NULL AND user_protected THEN 'skipped'
                            WHEN existing_id IS NOT NULL AND :ifUserExists = 'update' THEN 'updated'
                            WHEN existing_id IS NOT NULL OR address_taken THEN 'skipped'
                            ELSE 'imported' END AS outcome,
                       CASE WHEN duplicate_in_import THEN 'duplicate-in-import'
                            WHEN unknown_role IS NOT NULL THEN 'role ' || unknown_role || ' does not exist'
                            WHEN role_not_allowed THEN 'role-not-allowed'
                            WHEN existing_id IS NOT NULL AND user_protected THEN 'user-protected'
                            WHEN existing_id IS NOT NULL AND :ifUserExists = 'update' THEN NULL
                            WHEN existing_id IS NOT NULL THEN 'username-taken'
                            WHEN address_taken THEN 'email-taken' END AS reason
                FROM checked
            )""";

    private static final NamedSql MARK_DUPLICATES = NamedSql.of("""
            UPDATE import_data SET duplicate_in_import = true
            WHERE operation_id = :operation AND id IN (""" + DUPLICATES + ")");

    /**
     * Records every outcome (and forgets the passwords and hashes staged), creates the imported users
     * with their addresses and roles (or {@code user}), and updates the existing ones: name,
     * password when one is given (which ends every token of that user), the addresses nobody
     * else owns, roles added.
     */
    private static final NamedSql IMPORT_BATCH = NamedSql.of("""
            WITH candidates AS ( -- "id = ANY": by primary key, however many rows are staged
                SELECT d.id, d.data, d.duplicate_in_import, planned.new_id,
                       coalesce(planned.password_hash, d.data->>'passwordHash') AS password_hash,
                       coalesce(planned.password_algorithm, d.data->>'hashingAlgorithm') AS password_algorithm
                FROM unnest(CAST(:rows AS bigint[]), CAST(:newIds AS text[]),
                            CAST(:passwordHashes AS text[]), CAST(:passwordAlgorithms AS text[]))
                     AS planned (row_id, new_id, password_hash, password_algorithm)
                JOIN import_data d ON d.operation_id = :operation AND d.id = planned.row_id
                WHERE d.id = ANY (CAST(:rows AS bigint[])) AND d.outcome IS NULL
            ),
            """ + JUDGED + """
            ,
            recorded AS (
                UPDATE import_data d SET outcome = j.outcome, reason = j.reason,
                                         data = d.data - ARRAY['password', 'passwordHash', 'hashingAlgorithm']
                FROM judged j
                WHERE d.operation_id = :operation AND d.id = ANY (CAST(:rows AS bigint[])) AND d.id = j.id
            ),
            created AS (
                INSERT INTO users (id, username, name, password_hash, password_algorithm, active, created_at)
                SELECT new_id, data->>'username', data->>'name', password_hash, password_algorithm, true, now()
                FROM judged WHERE outcome = 'imported'
            ),
            created_addresses AS (
                INSERT INTO user_emails (user_id, address, verified)
                SELECT j.new_id, staged.address, false
                FROM judged j, jsonb_array_elements_text(j.data->'emails') AS staged (address)
                WHERE j.outcome = 'imported'
            ),
            updated AS (
                UPDATE users u SET name = coalesce(j.data->>'name', u.name),
                                   password_hash = coalesce(j.password_hash, u.password_hash),
                                   password_algorithm = coalesce(j.password_algorithm, u.password_algorithm)
                FROM judged j WHERE j.outcome = 'updated' AND u.id = j.existing_id
            ),
            ended_tokens AS (
                DELETE FROM login_tokens t USING judged j
                WHERE j.outcome = 'updated' AND j.password_hash IS NOT NULL AND t.user_id = j.existing_id
            ),
            added_addresses AS (
                INSERT INTO user_emails (user_id, address, verified)
                SELECT j.existing_id, staged.address, false
                FROM judged j, jsonb_array_elements_text(j.data->'emails') AS staged (address)
                WHERE j.outcome = 'updated'
                ON CONFLICT DO NOTHING
            ),
            granted AS (
                INSERT INTO user_roles (user_id, role)
                SELECT coalesce(j.existing_id, j.new_id), staged.role
                FROM judged j, jsonb_array_elements_text(CASE
                    WHEN j.outcome = 'imported' AND j.data->'roles' = '[]' THEN '["user"]'
                    ELSE j.data->'roles' END) AS staged (role)
                WHERE j.outcome IN ('imported', 'updated')
                ON CONFLICT DO NOTHING
            )
            SELECT outcome, count(*) FROM judged GROUP BY outcome""");

    private static final NamedSql PREDICT = NamedSql.of("WITH duplicates AS (" + DUPLICATES + """
            ),
            candidates AS (
                SELECT d.id, d.data, duplicates.id IS NOT NULL AS duplicate_in_import
                FROM import_data d LEFT JOIN duplicates ON duplicates.id = d.id
                WHERE d.operation_id = :operation AND d.data_type = 'user'
            ),
            """ + JUDGED + """
            ,
            first_skipped AS (SELECT * FROM judged WHERE outcome = 'skipped' ORDER BY id LIMIT :skippedShown)
            SELECT outcome, count(*),
                   CASE WHEN outcome = 'skipped' THEN
                       (SELECT CAST(coalesce(json_agg(""" + StagedRows.REPORT_ENTRY + """
             ORDER BY id), '[]') AS text) FROM first_skipped)
                   END
            FROM judged GROUP BY outcome""");

    /**
     * For the rest of the transaction. Every row a batch touches is reached by a unique key;
     * but during a first import the tables grow faster than their statistics, and the
     * planner, taking user_emails for a few pages, scanned it once per staged user (a
     * 10,000-user import into a new database took 7 s instead of 1, and grew with the square).
     */
    private static final NamedSql BY_KEYS_ONLY = NamedSql.of("SET LOCAL enable_seqscan = off");

    private static final int SKIPPED_SHOWN = 100;

    @Inject
    Sql sql;

    @Inject
    StagedRows stagedRows;

    /**
     * Sets aside, once, the staged users that repeat an earlier one. The rows were just
     * copied in and never analyzed: without statistics, the planner takes ten thousand rows
     * for a few dozen.
     */
    public void markDuplicates(OperationId operation) {
        stagedRows.analyze(operation);
        sql.update(MARK_DUPLICATES, Map.of("operation", operation.value()));
    }

    /**
     * Applies the outcome of every user of the batch not processed yet, as judged for a caller
     * who may give the {@code grantable} roles.
     */
    public OutcomeCount importBatch(OperationId operation, IfUserExists ifUserExists, Set<String> grantable,
            PlannedBatch batch) {
        sql.update(BY_KEYS_ONLY, Map.of());
        Map<String, Integer> counts = new HashMap<>();
        sql.query(IMPORT_BATCH, Map.of("operation", operation.value(), "ifUserExists", ifUserExists.wireName(),
                        "grantable", grantable.toArray(String[]::new),
                        "rows", batch.rows(), "newIds", batch.newUserIds(), "passwordHashes", batch.passwordHashes(),
                        "passwordAlgorithms", batch.passwordAlgorithms()),
                row -> counts.put(row.getString(1), row.getInt(2)));
        return OutcomeCount.of(counts);
    }

    /** What {@link #importBatch} would do with every staged user of the operation now; writes nothing. */
    public Prediction predict(OperationId operation, IfUserExists ifUserExists, Set<String> grantable) {
        sql.update(BY_KEYS_ONLY, Map.of());
        Map<String, Integer> counts = new HashMap<>();
        List<String> skipped = sql.query(PREDICT, Map.of("operation", operation.value(),
                        "ifUserExists", ifUserExists.wireName(), "grantable", grantable.toArray(String[]::new),
                        "skippedShown", SKIPPED_SHOWN),
                row -> {
                    counts.put(row.getString(1), row.getInt(2));
                    return row.getString(3);
                });
        return new Prediction(OutcomeCount.of(counts), StagedRows.parseArray(
                skipped.stream().filter(s -> s != null).findFirst().orElse("[]")));
    }
}
