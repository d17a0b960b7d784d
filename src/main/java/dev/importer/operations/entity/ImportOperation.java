package dev.importer.operations.entity;

import dev.importer.accounts.entity.UserId;
import dev.importer.platform.Timestamps;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "import_operations")
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

    @Column(name = "count_skipped")
    private int skippedCount;

    protected ImportOperation() {
    }

    private ImportOperation(OperationId id, String importerKey, UserId startedBy, Instant ts) {
        this.id = id.value();
        this.type = importerKey;
        this.importerKey = importerKey;
        this.ts = ts;
        this.status = OperationStatus.NEW;
        this.valid = true;
        this.userId = startedBy.value();
        this.updatedAt = ts;
    }

    public static ImportOperation startedOverApi(UserId startedBy, Instant ts) {
        return new ImportOperation(OperationId.generate(ts), API_IMPORTER, startedBy, ts);
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

    /** A job may go on: nobody aborted the operation or declared it failed. */
    public boolean isImporting() {
        return valid && status.isImporting();
    }

    public boolean acceptsUsers() {
        return valid && (status == OperationStatus.NEW || status == OperationStatus.USER_SELECTION);
    }

    public void usersStaged(int users, Instant now) {
        userCount += users;
        moveTo(OperationStatus.USER_SELECTION, now);
    }

    public void usersImported(int created, int skipped, Instant now) {
        completedCount += created + skipped;
        skippedCount += skipped;
        moveTo(OperationStatus.IMPORTING_USERS, now);
    }

    public void moveTo(OperationStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    /** Invalidates the operation; one still under way is cancelled. */
    public void abort(Instant now) {
        valid = false;
        updatedAt = now;
        if (!status.isFinished()) {
            status = OperationStatus.IMPORT_CANCELLED;
        }
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("_id", id)
                .add("type", type)
                .add("importerKey", importerKey)
                .add("ts", Timestamps.iso(ts))
                .add("status", status.wireName())
                .add("valid", valid)
                .add("user", userId)
                .add("_updatedAt", Timestamps.iso(updatedAt));
        if (userCount > 0) {
            json.add("count", Json.createObjectBuilder()
                    .add("total", userCount) // users are all that is staged so far
                    .add("users", userCount)
                    .add("completed", completedCount)
                    .add("skipped", skippedCount));
        }
        return json.build();
    }
}
