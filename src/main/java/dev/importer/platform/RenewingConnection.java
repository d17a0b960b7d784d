package dev.importer.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A pooled connection that replaces its database session once the database has closed it,
 * but only between transactions: outside one (auto-commit), or as one begins or ends
 * ({@code setAutoCommit}). Nothing of the closed session is lost then; inside a transaction
 * the failure stays the caller's. The pools GlassFish and WildFly make for
 * {@code @DataSourceDefinition} do not validate connections, and kept handing out closed ones
 * after an outage until each had idled out: minutes of 503 after the database was back.
 * Now each fails one call at most.
 */
final class RenewingConnection implements InvocationHandler {

    private final DataSource sessions;
    private Connection session;
    private boolean autoCommit = true;

    private RenewingConnection(DataSource sessions) throws SQLException {
        this.sessions = sessions;
        this.session = sessions.getConnection();
    }

    static Connection of(DataSource sessions) throws SQLException {
        return (Connection) Proxy.newProxyInstance(RenewingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new RenewingConnection(sessions));
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
        if ((autoCommit || setsAutoCommit) && session.isClosed()) {
            session = sessions.getConnection();
        }
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
}
