package dev.importer.operations.boundary;

import dev.importer.accounts.entity.UsernameRule;
import dev.importer.identity.UserId;
import dev.importer.operations.control.ImportFiles;
import dev.importer.operations.control.ImportMetrics;
import dev.importer.operations.control.ImportLock;
import dev.importer.operations.control.OperationRepository;
import dev.importer.operations.control.StagedRows;
import dev.importer.operations.control.StagedRows.ReportRow;
import dev.importer.operations.control.StagedRows.Staged;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.EventType;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.operations.entity.StagedUser;
import dev.importer.operations.files.FileImporter;
import dev.importer.operations.files.FileLimits;
import dev.importer.operations.control.ImportEvents;
import dev.importer.platform.database.StatementBounds;
import dev.importer.security.boundary.Permissions;
import dev.importer.security.control.RoleGrants;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rocket.Chat's file importers: a new operation holding an uploaded or downloaded file (in
 * the database, so any instance reads it), the file read into staged users as
 * {@code import.addUsers} stages them, and the operation ended failed when the file cannot
 * be read. Each method is a transaction; the import lock orders them with every other change
 * to import operations.
 */
@Stateless
public class FileImports {

    @Inject
    ImportOperations lifecycle;

    @Inject
    ImportLock lock;

    @Inject
    OperationRepository operations;

    @Inject
    ImportFiles files;

    @Inject
    StagedRows stagedRows;

    @Inject
    Permissions permissions;

    @Inject
    RoleGrants roleGrants;

    @Inject
    StatementBounds bounds;

    @Inject
    ImportEvents events;

    @Inject
    UsernameRule usernameRule;

    @Inject
    ImportMetrics metrics;

    @Inject
    @ConfigProperty(name = "MAX_IMPORT_FILE_BYTES", defaultValue = "268435456")
    long maxExpandedBytes;

    @Inject
    @ConfigProperty(name = "IMPORT_FILE_MAX_ENTRIES", defaultValue = "10000")
    int maxEntries;

    /** A file as it came: its name, its content type as the client gave it, its bytes. */
    public record ImportFile(String name, String contentType, byte[] content) {
    }

    /** uploadImportFile: a new operation (aborting and clearing as import.new does) holding the file. */
    public ImportOperation upload(FileImporter importer, ImportFile file, UserId caller, Actor actor) {
        ImportOperation operation = lifecycle.startNew(now -> {
            ImportOperation made = ImportOperation.started(importer.displayName(), importer.key(), caller, now);
            made.fileLoaded(storedName(now, caller, file.name()), file.contentType(), now);
            return made;
        }, actor);
        files.store(operation.id(), file.content());
        return operation;
    }

    /** downloadPublicImportFile, first: a new operation waiting for its file. */
    public ImportOperation startDownload(FileImporter importer, UserId caller, Actor actor) {
        return lifecycle.startNew(now -> {
            ImportOperation made = ImportOperation.started(importer.displayName(), importer.key(), caller, now);
            made.moveTo(OperationStatus.DOWNLOADING_FILE, now);
            return made;
        }, actor);
    }

    /** The download arrived: kept, unless its operation was aborted meanwhile (false). */
    public boolean downloaded(OperationId id, ImportFile file) {
        Instant now = lock.exclusive();
        Optional<ImportOperation> operation = validWith(id, OperationStatus.DOWNLOADING_FILE);
        operation.ifPresent(o -> {
            o.fileLoaded(storedName(now, o.startedBy(), file.name()), file.contentType(), now);
            files.store(id, file.content());
        });
        return operation.isPresent();
    }

    /**
     * Reads the operation's file into staged users, all or none, when it is still the valid
     * operation and its file is loaded but not read yet (another call may have read it).
     * The users' roles must exist and be the caller's to give, as with import.addUsers.
     */
    public void read(OperationId id, UserId caller, Actor actor) {
        Instant now = lock.exclusive();
        bounds.forTransaction(StatementBounds.STAGING);
        Optional<ImportOperation> loaded = validWith(id, OperationStatus.FILE_LOADED);
        if (loaded.isEmpty()) {
            return;
        }
        ImportOperation operation = loaded.get();
        long started = System.nanoTime();
        FileImporter importer = FileImporter.ofKey(operation.importerKey());
        byte[] content = files.of(id).orElseThrow(() -> new IllegalStateException("The file of " + id + " is gone"));
        Staged staged = stagedRows.stage(id, each -> importer.format().read(new ByteArrayInputStream(content),
                new FileLimits(maxExpandedBytes, maxEntries),
                (where, user) -> each.accept(StagedUser.fromJson(user, where, usernameRule))));
        permissions.requireExistingRoles(staged.roles());
        roleGrants.requireMayGrant(caller, staged.roles());
        operation.usersStaged(staged.count(), now);
        events.record(EventType.ADD_USERS, actor, Optional.of(id));
        metrics.fileRead(importer, staged.count(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The file could not be fetched or read: its operation, if still valid and not finished, ends failed. */
    public void failed(OperationId id) {
        Instant now = lock.exclusive();
        operations.latest()
                .filter(o -> o.isValid() && o.id().equals(id) && !o.status().isFinished())
                .ifPresent(o -> o.moveTo(OperationStatus.IMPORT_FAILED, now));
        metrics.fileRefused();
    }

    /** A page of Rocket.Chat's selection of the operation's staged users (getImportFileData). */
    public List<ReportRow> selectionAfter(OperationId id, long afterRow, int limit) {
        return stagedRows.selectionAfter(id, afterRow, limit);
    }

    private Optional<ImportOperation> validWith(OperationId id, OperationStatus status) {
        return operations.latest().filter(o -> o.isValid() && o.id().equals(id) && o.status() == status);
    }

    /**
     * Rocket.Chat's stored name of an uploaded file: {@code <y><M><d><h><m><s>_<user id>_<name>},
     * UTC, the month from 0, nothing padded.
     */
    static String storedName(Instant now, UserId caller, String fileName) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        return "" + t.getYear() + (t.getMonthValue() - 1) + t.getDayOfMonth() + t.getHour() + t.getMinute()
                + t.getSecond() + "_" + caller.value() + "_" + fileName;
    }
}
