package dev.importer.platform.database;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

/**
 * Hibernate's way to the server's transaction manager, whichever server it is. Jakarta EE
 * gives it no standard name: GlassFish and Payara bind it under {@code java:appserver},
 * WildFly under {@code java:jboss}. Hibernate's own guess fails on Payara Micro.
 */
public class ServerJtaPlatform extends AbstractJtaPlatform {

    private static final List<String> TRANSACTION_MANAGER_NAMES = List.of(
            "java:appserver/TransactionManager", "java:jboss/TransactionManager", "java:/TransactionManager");

    @Override
    protected TransactionManager locateTransactionManager() {
        for (String name : TRANSACTION_MANAGER_NAMES) {
            try {
                return (TransactionManager) jndiService().locate(name);
            } catch (JndiException notThere) {
                // the next server's name
            }
        }
        throw new JndiException("No transaction manager under any of " + TRANSACTION_MANAGER_NAMES, null);
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) jndiService().locate("java:comp/UserTransaction");
    }
}
