package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

class BoundedConnectionProviderTest {

    private static final int PERMITS = 3;

    /** The pool: hands out connections, or fails while {@code failing}. */
    private static final class Pool {
        boolean failing;
        final List<Connection> handedOut = new ArrayList<>();

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        if (failing) {
                            throw new SQLException("the database is gone", "08006");
                        }
                        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {Connection.class}, (c, m, a) -> null);
                        handedOut.add(connection);
                        return connection;
                    });
        }
    }

    private final Pool pool = new Pool();
    private final BoundedConnectionProvider provider = provider(pool);

    @Test
    void handsOutThePoolsConnectionsUpToItsPermits() throws SQLException {
        for (int i = 0; i < PERMITS; i++) {
            Connection connection = provider.getConnection();
            assertSame(pool.handedOut.get(i), connection);
        }

        SQLException refused = assertThrows(SQLException.class, provider::getConnection);
        assertEquals("08001", refused.getSQLState(), "read as the database being unavailable");
        assertEquals(PERMITS, pool.handedOut.size(), "the pool was not asked");
    }

    @Test
    void aClosedConnectionGivesItsPermitBack() throws SQLException {
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < PERMITS; i++) {
            open.add(provider.getConnection());
        }
        provider.closeConnection(open.remove(0));

        open.add(provider.getConnection());
        assertThrows(SQLException.class, provider::getConnection);
    }

    @Test
    void aConnectionThePoolCouldNotGiveTakesNoPermit() throws SQLException {
        pool.failing = true;
        for (int i = 0; i < PERMITS + 1; i++) {
            assertEquals("08006", assertThrows(SQLException.class, provider::getConnection).getSQLState());
        }

        pool.failing = false;
        for (int i = 0; i < PERMITS; i++) {
            provider.getConnection();
        }
    }

    private static BoundedConnectionProvider provider(Pool pool) {
        BoundedConnectionProvider provider = new BoundedConnectionProvider(PERMITS, 50);
        provider.configure(Map.of(AvailableSettings.DATASOURCE, pool.dataSource()));
        return provider;
    }
}
