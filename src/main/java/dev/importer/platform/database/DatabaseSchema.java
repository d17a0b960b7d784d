package dev.importer.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * At start, before anything else touches the database: create it if it is missing, then
 * apply the versioned migrations in {@code db/migration}, on connections of their own
 * (DatabaseSettings#forMigrations). Flyway's lock makes several instances starting at once safe.
 */
@Startup
@Singleton
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());
    /** The migration that made usernames unique ignoring case. */
    private static final String USERNAMES_IGNORING_CASE = "7";

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        try {
            new PostgresDatabase(settings.url(), settings.user(), settings.password()).createIfMissing();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach or create the database at " + settings.url(), e);
        }
        DataSource migrations = settings.forMigrations();
        MigrateResult result = Flyway.configure()
                .dataSource(migrations)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrations.stream().anyMatch(m -> USERNAMES_IGNORING_CASE.equals(m.version))) {
            logCollidingUsernames(migrations);
        }
    }

    /**
     * Once, as usernames became unique ignoring case: each user that already collided, with
     * the one that kept the name in the unique index.
     */
    private static void logCollidingUsernames(DataSource migrations) {
        try (Connection c = migrations.getConnection(); Statement s = c.createStatement();
                ResultSet pairs = s.executeQuery("""
                        SELECT kept.id, kept.username, other.id, other.username
                        FROM users other JOIN users kept
                          ON lower(kept.username) = lower(other.username) AND NOT kept.username_collision
                        WHERE other.username_collision ORDER BY kept.id, other.id""")) {
            while (pairs.next()) {
                LOG.warning("Usernames are unique ignoring case from now on, but user " + pairs.getString(3) + " ('"
                        + pairs.getString(4) + "') already collided with user " + pairs.getString(1) + " ('"
                        + pairs.getString(2) + "'): both keep their names; rename one of them");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not list the colliding usernames", Redacted.of(e));
        }
    }
}
