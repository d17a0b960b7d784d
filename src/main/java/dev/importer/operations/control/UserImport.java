package dev.importer.operations.control;

import dev.importer.accounts.control.UserRepository;
import dev.importer.identity.UserId;
import dev.importer.operations.entity.IfUserExists;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OutcomeCount;
import dev.importer.operations.entity.Prediction;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides and applies the outcome of staged users, set-based: a batch is one statement,
 * whatever its size. The run ({@link #importBatch}) and the dry run ({@link #predict}) share
 * the rules ({@code sql/import/judged.sql}), so the dry run predicts exactly what the run does.
 * Both run under the planner contract ({@link PlannerContract}).
 *
 * <p>Once the users that repeat an earlier staged user are set aside, the others have
 * distinct usernames and addresses: the outcome of one never depends on another, so a batch
 * may judge all its users at once, against the users table as it is.
 */
@ApplicationScoped
public class UserImport {

    /** The statements, in src/main/resources/sql/import; the rules they share are in judged.sql. */
    private static final NamedSql MARK_DUPLICATES = NamedSql.load("import/mark-duplicates.sql");
    private static final NamedSql IMPORT_BATCH = NamedSql.load("import/import-batch.sql");
    private static final NamedSql PREDICT = NamedSql.load("import/predict.sql");

    private static final int SKIPPED_SHOWN = 100;

    @Inject
    Sql sql;

    @Inject
    PlannerContract plannerContract;

    @Inject
    UserRepository users;

    /** Sets aside, once, the staged users that repeat an earlier one. */
    public void markDuplicates(OperationId operation) {
        plannerContract.analyze(operation);
        sql.update(MARK_DUPLICATES, Map.of("operation", operation.value()));
    }

    /**
     * Applies the outcome of every user of the batch not processed yet, as judged for the
     * caller {@code runBy}, who may give the {@code grantable} roles. An update may deactivate
     * an administrator: the active administrators are locked first, as users.setActive locks
     * them, so that the two cannot each leave one active administrator to the other.
     */
    public OutcomeCount importBatch(OperationId operation, IfUserExists ifUserExists, UserId runBy,
            Set<String> grantable, PlannedBatch batch) {
        if (ifUserExists == IfUserExists.UPDATE) {
            users.lockActiveAdministrators();
        }
        plannerContract.byKeysOnly();
        Map<String, Integer> counts = new HashMap<>();
        sql.query(IMPORT_BATCH, Map.of("operation", operation.value(), "ifUserExists", ifUserExists.wireName(),
                        "grantable", grantable.toArray(String[]::new), "runBy", runBy.value(),
                        "rows", batch.rows(), "newIds", batch.newUserIds()),
                row -> counts.put(row.getString(1), row.getInt(2)));
        return OutcomeCount.of(counts);
    }

    /** What {@link #importBatch} would do with every staged user of the operation now; writes nothing. */
    public Prediction predict(OperationId operation, IfUserExists ifUserExists, UserId runBy, Set<String> grantable) {
        plannerContract.byKeysOnly();
        Map<String, Integer> counts = new HashMap<>();
        List<String> skipped = sql.query(PREDICT, Map.of("operation", operation.value(),
                        "ifUserExists", ifUserExists.wireName(), "grantable", grantable.toArray(String[]::new),
                        "runBy", runBy.value(),
                        "skippedShown", SKIPPED_SHOWN),
                row -> {
                    counts.put(row.getString(1), row.getInt(2));
                    return row.getString(3);
                });
        return new Prediction(OutcomeCount.of(counts), StagedRows.parseArray(
                skipped.stream().filter(s -> s != null).findFirst().orElse("[]")));
    }
}
