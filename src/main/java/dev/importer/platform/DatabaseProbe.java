package dev.importer.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether the database answers. An EJB, so that the server sets up the application's naming
 * context whichever thread asks: WildFly runs health checks on its management threads, where
 * the application's data source could not be looked up, and the check answered DOWN.
 */
@Stateless
public class DatabaseProbe {

    @Resource(lookup = DatabaseSettings.DATA_SOURCE)
    DataSource dataSource;

    /** Why the database does not answer; empty when it does. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? Optional.empty() : Optional.of("no answer within 2 s");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
