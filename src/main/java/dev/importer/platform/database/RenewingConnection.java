package dev.importer.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A pooled connection that replaces its database session once the database has closed it,
 * but only between transactions: outside one (auto-commit), or as one begins or ends
 * ({@code setAutoCommit}). Nothing of the closed session is lost then; inside a transaction
 * the failure stays the caller's. The pools GlassFish and WildFly make for
 * {@code @DataSourceDefinition} do not validate connections, and kept handing out closed ones
 * after an outage until each had idled out: minutes of 503 after the database was back.
 * A session that has been idle for a while is checked before it is used again (a round trip
 * that a busy connection does not pay), since the driver sees that the database ended a
 * session only when it next uses it: after a restart of the database, every idle pooled
 * connection would otherwise fail one call. A session ended while in use still fails its call.
 */
final class RenewingConnection implements InvocationHandler {

    /** How long a session may idle before it is checked at its next use. */
    static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final DataSource sessions;
    private final long checkAfterIdleNanos;
    private Connection session;
    private boolean autoCommit = true;
    private long lastUsed = System.nanoTime();

    private RenewingConnection(DataSource sessions, long checkAfterIdleNanos) throws SQLException {
        this.sessions = sessions;
        this.checkAfterIdleNanos = checkAfterIdleNanos;
        this.session = sessions.getConnection();
    }

    static Connection of(DataSource sessions) throws SQLException {
        return of(sessions, CHECK_AFTER_IDLE_NANOS);
    }

    static Connection of(DataSource sessions, long checkAfterIdleNanos) throws SQLException {
        return (Connection) Proxy.newProxyInstance(RenewingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new RenewingConnection(sessions, checkAfterIdleNanos));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) { // the pool's identity of the connection
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "RenewingConnection[" + session + "]";
            };
        }
        boolean setsAutoCommit = method.getName().equals("setAutoCommit");
        if ((autoCommit || setsAutoCommit) && ended()) {
            session = sessions.getConnection();
        }
        lastUsed = System.nanoTime();
        try {
            Object result = method.invoke(session, args);
            if (setsAutoCommit) {
                autoCommit = (Boolean) args[0];
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private boolean ended() throws SQLException {
        return session.isClosed()
                || System.nanoTime() - lastUsed > checkAfterIdleNanos && !session.isValid(CHECK_TIMEOUT_SECONDS);
    }
}
