/**
 * Import operations: starting a new one (aborting the running one and clearing what was
 * staged), staging users, the dry run and the run, safely under concurrent calls from several
 * server instances sharing the database.
 *
 * <h2>The life of an {@code import.run}</h2>
 * <ol>
 * <li>{@code ImportResource} (boundary) checks the caller and the body, and calls
 * {@code ImportOperations.startRun}: one transaction that takes the import lock
 * exclusively ({@code ImportLock}, the one row of {@code import_lock}), finds the valid
 * operation, records the {@code run} event, and moves the operation to
 * {@code importer_importing_started} with a lease for this job and {@code run_by} (the caller).
 * It commits, and the call answers at once.</li>
 * <li>{@code ImportJob} (control) runs on the server's managed executor, outside any
 * transaction, and calls {@code ImportBatches}, whose every method is a transaction of its
 * own (REQUIRES_NEW) that takes the import lock shared and renews the lease first: when
 * the lease is gone (the operation was aborted or taken over), the job stops there and
 * writes nothing.</li>
 * <li>{@code ImportBatches.begin}: under the planner contract, {@code ANALYZE} of the
 * operation's partition, then the duplicate pass ({@code sql/import/mark-duplicates.sql});
 * the operation moves to {@code importer_importing_users}.</li>
 * <li>Batch after batch from {@code last_row}: {@code pendingAfter} reads the next staged
 * users (IMPORT_BATCH_SIZE first, then as many as take about IMPORT_BATCH_SECONDS); the job
 * plans a batch of those up to the first whose clear-text password is not hashed yet (it
 * waits for that one, keeping its lease), with the ids new users get; meanwhile every
 * instance's {@code HashingWorker} claims clear-text passwords ({@code sql/import/hash-claim.sql},
 * {@code FOR UPDATE SKIP LOCKED}), hashes them and stores each hash in its staged row in place
 * of the password ({@code sql/import/hash-store.sql}); {@code importBatch} runs {@code sql/import/import-batch.sql} for it, with the roles
 * that {@code run_by} may give read again, then records the counts and {@code last_row} on
 * the operation, in the same transaction. An abort ({@code import.new}, {@code import.clear})
 * takes the lock exclusively, so it waits for the batch in flight, and the next batch finds
 * its lease gone.</li>
 * <li>{@code finish}: the operation moves to {@code importer_done} (or
 * {@code importer_import_failed} when a step kept failing) and the {@code done} event is
 * recorded.</li>
 * <li>When an instance dies mid-import, its lease stops being renewed; after
 * IMPORT_LEASE_SECONDS, {@code ImportTakeover} on any instance takes the operation over
 * (a new lease, the {@code takeover} event) and its job continues from {@code last_row}.</li>
 * </ol>
 *
 * <h2>Names of a staged user</h2>
 * <dl>
 * <dt>staged row</dt><dd>a row of {@code import_data}: one user of one operation, in the
 * partition {@code import_data_<operation id>}, its fields as given in {@code data} (JSONB);
 * {@code id} gives the staging order.</dd>
 * <dt>duplicate in import</dt><dd>a staged row whose username (ignoring case) or an address
 * repeats an earlier row of the same operation: it ends {@code skipped}.</dd>
 * <dt>outcome, reason</dt><dd>what the run did with the row: {@code imported},
 * {@code updated}, {@code skipped} or {@code failed}, and why when it was not imported; null
 * until its batch ran.</dd>
 * <dt>pending user</dt><dd>a staged row after {@code last_row}, with its clear-text password
 * if it has one, as a batch is planned.</dd>
 * <dt>planned batch</dt><dd>the rows of one batch with, row by row, the new user's id and
 * the password hash made for it.</dd>
 * <dt>existing user</dt><dd>the user whose username equals the row's ignoring case.</dd>
 * <dt>grantable roles</dt><dd>the roles the caller who ran the import may give
 * ({@code RoleGrants}); a row asking for another fails, an existing user holding another is
 * not updated.</dd>
 * <dt>prediction</dt><dd>the dry run's answer ({@code sql/import/predict.sql}): the same
 * rules over every staged row, nothing written.</dd>
 * </dl>
 */
package dev.importer.operations;
