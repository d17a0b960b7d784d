package dev.importer.operations.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.identity.UserId;
import dev.importer.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An import operation. Changed as an entity under the exclusive import lock; a running job
 * changes its progress and counts with SQL under the shared lock, so updates write only the
 * columns that changed.
 */
@Entity
@Table(name = "import_operations")
@DynamicUpdate
public class ImportOperation {

    /** What Rocket.Chat's REST {@code import.new} records as type and importer key. */
    private static final String API_IMPORTER = "api";

    @Id
    private String id;

    private String type;

    @Column(name = "importer_key")
    private String importerKey;

    private Instant ts;

    private OperationStatus status;

    private boolean valid;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "count_users")
    private int userCount;

    @Column(name = "count_completed")
    private int completedCount;

    @Column(name = "count_imported")
    private int importedCount;

    @Column(name = "count_updated")
    private int updatedCount;

    @Column(name = "count_skipped")
    private int skippedCount;

    @Column(name = "count_failed")
    private int failedCount;

    /** Clear-text passwords to hash as the import started, and those hashed so far (by any instance). */
    @Column(name = "count_passwords")
    private int passwordCount;

    @Column(name = "count_hashed")
    private int hashedCount;

    @Column(name = "if_user_exists")
    private IfUserExists ifUserExists = IfUserExists.SKIP;

    @Column(name = "lease_owner")
    private String leaseOwner;

    /** The caller who started the import: its users are judged against what this caller may grant. */
    @Column(name = "run_by")
    private String runBy;

    /** A file importer's file: Rocket.Chat's stored name for it, and its content type as sent. */
    private String file;

    @Column(name = "content_type")
    private String contentType;

    protected ImportOperation() {
    }

    private ImportOperation(OperationId id, String type, String importerKey, UserId startedBy, Instant ts) {
        this.id = id.value();
        this.type = type;
        this.importerKey = importerKey;
        this.ts = ts;
        this.status = OperationStatus.NEW;
        this.valid = true;
        this.userId = startedBy.value();
        this.updatedAt = ts;
    }

    public static ImportOperation startedOverApi(UserId startedBy, Instant ts) {
        return new ImportOperation(OperationId.generate(ts), API_IMPORTER, API_IMPORTER, startedBy, ts);
    }

    /** An operation of a file importer or of the pending files and avatars: Rocket.Chat's type and key. */
    public static ImportOperation started(String type, String importerKey, UserId startedBy, Instant ts) {
        return new ImportOperation(OperationId.generate(ts), type, importerKey, startedBy, ts);
    }

    public String type() {
        return type;
    }

    public String importerKey() {
        return importerKey;
    }

    public Instant ts() {
        return ts;
    }

    public UserId startedBy() {
        return new UserId(userId);
    }

    /** Where a file importer's operation stands while its file comes in. */
    public void moveTo(OperationStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    /** The file is in the database, under Rocket.Chat's stored name; it is to be read next. */
    public void fileLoaded(String storedName, String fileContentType, Instant now) {
        file = storedName;
        contentType = fileContentType;
        moveTo(OperationStatus.FILE_LOADED, now);
    }

    /**
     * import.cancel: the job stops at its next step, as after an abort (its lease needs an
     * importing status); unlike an abort, the operation stays valid with what it staged and did.
     */
    public void cancel(Instant now) {
        leaseOwner = null;
        moveTo(OperationStatus.IMPORT_CANCELLED, now);
    }

    /** downloadPendingAvatars: a job fetches {@code avatars} avatars, holding the lease from now on. */
    public ImportLease startFetching(int avatars, UserId runner, Instant now) {
        userCount = avatars;
        return leaseTo(runner, OperationStatus.IMPORTING_FILES, now);
    }

    /** Users the operator left out of the selection: they end skipped without a batch. */
    public void notSelected(int users) {
        skippedCount += users;
        completedCount += users;
    }

    /** The steps and counts of Rocket.Chat's getImportProgress. */
    public JsonObject progressJson() {
        return JSON.createObjectBuilder()
                .add("key", importerKey)
                .add("name", type)
                .add("step", status.wireName())
                .add("count", JSON.createObjectBuilder()
                        .add("completed", completedCount)
                        .add("total", userCount)
                        .add("error", skippedCount + failedCount))
                .build();
    }

    public OperationId id() {
        return new OperationId(id);
    }

    public OperationStatus status() {
        return status;
    }

    public boolean isValid() {
        return valid;
    }

    public ImportState state() {
        return ImportState.of(status, valid);
    }

    public boolean acceptsUsers() {
        return valid && (status == OperationStatus.NEW || status == OperationStatus.USER_SELECTION);
    }

    public void usersStaged(int users, Instant now) {
        userCount += users;
        status = OperationStatus.USER_SELECTION;
        updatedAt = now;
    }

    /** Hands the staged users to a job, which holds the lease from now on. */
    public ImportLease startImport(IfUserExists mode, UserId runner, Instant now) {
        ifUserExists = mode;
        return leaseTo(runner, OperationStatus.IMPORTING_STARTED, now);
    }

    /** A job works for {@code runner} from now on, holding the lease it is given. */
    private ImportLease leaseTo(UserId runner, OperationStatus working, Instant now) {
        ImportLease lease = ImportLease.grant(id());
        runBy = runner.value();
        leaseOwner = lease.owner();
        moveTo(working, now);
        return lease;
    }

    /**
     * The import waits for an instance to take it over: its job released it (its instance
     * stopped) or stopped renewing its lease (its instance died) longer than {@code lease} ago.
     */
    public boolean awaitsTakeover(Instant now, Duration lease) {
        return valid && status.isImporting() && (leaseOwner == null || updatedAt.plus(lease).isBefore(now));
    }

    public OutcomeCount outcomes() {
        return new OutcomeCount(importedCount, updatedCount, skippedCount, failedCount);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("_id", id)
                .add("type", type)
                .add("importerKey", importerKey)
                .add("ts", Timestamps.iso(ts))
                .add("status", status.wireName())
                .add("valid", valid)
                .add("user", userId)
                .add("_updatedAt", Timestamps.iso(updatedAt));
        if (file != null) {
            json.add("file", file).add("contentType", contentType);
        }
        if (userCount > 0) {
            json.add("count", JSON.createObjectBuilder()
                    .add("total", userCount) // users are all that is staged so far
                    .add("users", userCount)
                    .add("completed", completedCount)
                    .add("imported", importedCount)
                    .add("updated", updatedCount)
                    .add("skipped", skippedCount)
                    .add("failed", failedCount)
                    .add("error", skippedCount + failedCount) // as Rocket.Chat reports it
                    .add("passwords", passwordCount)
                    .add("hashed", hashedCount));
        }
        return json.build();
    }
}
