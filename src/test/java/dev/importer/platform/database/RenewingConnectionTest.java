package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class RenewingConnectionTest {

    /** Database sessions that answer getSchema() with their number, until closed. */
    private static final class Sessions {
        final List<boolean[]> closed = new ArrayList<>();
        final List<boolean[]> endedUnnoticed = new ArrayList<>();

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> open());
        }

        private Connection open() {
            int number = closed.size();
            boolean[] isClosed = {false};
            boolean[] ended = {false};
            closed.add(isClosed);
            endedUnnoticed.add(ended);
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isClosed" -> isClosed[0];
                        case "isValid" -> !isClosed[0] && !ended[0];
                        case "setAutoCommit" -> null;
                        case "getSchema" -> {
                            if (isClosed[0] || ended[0]) {
                                throw new SQLException("This connection has been closed.", "08003");
                            }
                            yield "session " + number;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void databaseClosesSession(int number) {
            closed.get(number)[0] = true;
        }

        /** The database ended the session, as at its restart; the driver learns it at its next use. */
        void databaseEndsIdleSession(int number) {
            endedUnnoticed.get(number)[0] = true;
        }
    }

    private final Sessions sessions = new Sessions();

    @Test
    void outsideATransactionAClosedSessionIsReplaced() throws SQLException {
        Connection connection = RenewingConnection.of(sessions.dataSource());
        assertEquals("session 0", connection.getSchema());

        sessions.databaseClosesSession(0);

        assertEquals("session 1", connection.getSchema());
    }

    @Test
    void aSessionThatIdledIsCheckedAndReplacedWhenTheDatabaseEndedIt() throws SQLException {
        Connection connection = RenewingConnection.of(sessions.dataSource(), 0);
        assertEquals("session 0", connection.getSchema());

        sessions.databaseEndsIdleSession(0);

        assertEquals("session 1", connection.getSchema());
    }

    @Test
    void aBusySessionIsNotChecked() throws SQLException {
        Connection connection = RenewingConnection.of(sessions.dataSource(), Long.MAX_VALUE);
        assertEquals("session 0", connection.getSchema());

        sessions.databaseEndsIdleSession(0);

        assertThrows(SQLException.class, connection::getSchema, "the failure is the caller's");
    }

    @Test
    void insideATransactionTheFailureStaysTheCallersUntilTheTransactionEnds() throws SQLException {
        Connection connection = RenewingConnection.of(sessions.dataSource());
        connection.setAutoCommit(false);

        sessions.databaseClosesSession(0);

        assertThrows(SQLException.class, connection::getSchema);
        assertThrows(SQLException.class, connection::getSchema, "not replaced within the transaction");
        connection.setAutoCommit(true);
        assertEquals("session 1", connection.getSchema());
    }

    @Test
    void aTransactionBeginningOnAClosedSessionBeginsOnANewOne() throws SQLException {
        Connection connection = RenewingConnection.of(sessions.dataSource());
        connection.setAutoCommit(false);
        connection.setAutoCommit(true);
        sessions.databaseClosesSession(0);

        connection.setAutoCommit(false);

        assertEquals("session 1", connection.getSchema());
    }

    @Test
    void thePoolSeesOneConnectionWhateverTheSession() throws SQLException {
        Connection connection = RenewingConnection.of(sessions.dataSource());
        Connection other = RenewingConnection.of(sessions.dataSource());
        int hash = connection.hashCode();

        sessions.databaseClosesSession(0);
        connection.getSchema();

        assertEquals(hash, connection.hashCode());
        assertEquals(connection, connection);
        assertNotEquals(connection, other);
    }
}
