/**
 * The database: where it is ({@link dev.importer.platform.database.DatabaseSettings}), the
 * pooled data source ({@link dev.importer.platform.database.ImporterDataSource}), the schema
 * created and migrated at start ({@link dev.importer.platform.database.DatabaseSchema}),
 * readiness, and statements with named parameters ({@link dev.importer.platform.database.Sql},
 * {@link dev.importer.platform.database.NamedSql}, which also loads the statement files of
 * {@code src/main/resources/sql}).
 *
 * <p><b>A call that cannot get the database answers 503 within seconds, on every server.</b>
 * Each step of reaching the database has its own bound, and each failure ends the same way:
 * {@link dev.importer.platform.database.DatabaseUnavailable} recognizes it, and the HTTP layer
 * answers {@code 503 error-database-unavailable} with {@code Retry-After: 5}.
 * <ul>
 * <li>A pooled connection: Hibernate takes them through
 * {@link dev.importer.platform.database.BoundedConnectionProvider}, which lets at most 30 (of
 * the pool's 32) be held at once and fails a caller that finds none free within 4 s
 * ({@code CONNECTION_WAIT_MILLIS}); the pools GlassFish and WildFly make for an application's
 * data source would wait 60 s and 30 s, and only Payara's takes the wait from the WAR.</li>
 * <li>A new session: 3 s to connect, 4 s to log in (the driver's timeouts, set by
 * {@code DatabaseSettings}).</li>
 * <li>A statement: 5 s for ordinary calls, longer for the few that wait for the import lock
 * or do an import's work ({@link dev.importer.platform.database.StatementBounds}).</li>
 * <li>A session the database ended (a restart, an outage): renewed between transactions,
 * checked first when it idled ({@link dev.importer.platform.database.RenewingConnection}).</li>
 * </ul>
 * The readiness check ({@code /health/ready}) reads from the database with a 2 s bound, on one
 * of the two pooled connections kept out of Hibernate's reach, so it answers while every
 * call is busy.
 *
 * <p>Exception messages from the driver can carry a failed row's values (the server's error
 * detail): they are logged only through {@link dev.importer.platform.database.Redacted}.
 */
package dev.importer.platform.database;
