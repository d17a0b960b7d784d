package dev.importer.platform.database;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;

/**
 * Hibernate's connections from the server's pool, with a bound on the wait for one that holds
 * on every server: at most {@link #PERMITS} of them are in use at once, and a caller that
 * finds none free within {@link DatabaseSettings#CONNECTION_WAIT_MILLIS} fails as though the
 * database were unavailable: 503. Payara's pool takes that wait from the WAR; GlassFish and
 * WildFly fix it for a pool an application defines (60 s and 30 s).
 *
 * <p>Hibernate holds a connection from a transaction's first statement until the transaction
 * commits or rolls back (persistence.xml sets that handling mode), as the pool does, so the
 * permits count the pooled connections that Hibernate's transactions hold.
 */
public class BoundedConnectionProvider extends DatasourceConnectionProviderImpl {

    /** The pool's connections, less two for the readiness check, which does not come through Hibernate. */
    static final int PERMITS = DatabaseSettings.MAX_POOL_SIZE - 2;

    private static final String SQLSTATE_CANNOT_CONNECT = "08001";

    private final Semaphore permits;
    private final long waitMillis;

    public BoundedConnectionProvider() {
        this(PERMITS, DatabaseSettings.CONNECTION_WAIT_MILLIS);
    }

    BoundedConnectionProvider(int permits, long waitMillis) {
        this.permits = new Semaphore(permits, true);
        this.waitMillis = waitMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        awaitPermit();
        try {
            return super.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            super.closeConnection(connection);
        } finally {
            permits.release();
        }
    }

    private void awaitPermit() throws SQLException {
        try {
            if (permits.tryAcquire(waitMillis, MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLTransientConnectionException("No database connection came free within " + waitMillis + " ms",
                SQLSTATE_CANNOT_CONNECT);
    }
}
