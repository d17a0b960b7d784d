package dev.importer.platform.database;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether the database answers. An EJB, so that the server sets up the application's naming
 * context whichever thread asks: WildFly runs health checks on its management threads, where
 * the application's data source could not be looked up, and the check answered DOWN.
 */
@Stateless
public class DatabaseProbe {

    private static final int ANSWER_SECONDS = 2;
    private static final String NO_ANSWER = "no answer within " + ANSWER_SECONDS + " s";

    @Resource(lookup = DatabaseSettings.DATA_SOURCE)
    DataSource dataSource;

    /**
     * Why the database does not answer; empty when it does. It must answer within
     * {@link #ANSWER_SECONDS}, and read the users table, which every call's authentication
     * reads: a table locked or a database too busy to serve calls is not ready either.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(ANSWER_SECONDS)) {
                return Optional.of(NO_ANSWER);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(ANSWER_SECONDS);
                statement.executeQuery("SELECT 1 FROM users LIMIT 1").close();
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("57014".equals(e.getSQLState()) ? NO_ANSWER : Redacted.of(e).toString());
        }
    }
}
