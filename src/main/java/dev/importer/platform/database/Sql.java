package dev.importer.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Set-based SQL on the connection of the current transaction, the one JPA uses: for the
 * statements whose work grows with the data, where an entity per row would not do.
 */
@ApplicationScoped
public class Sql {

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @PersistenceContext
    EntityManager em;

    public int update(NamedSql statement, Map<String, ?> parameters) {
        return onConnection(c -> {
            try (PreparedStatement s = statement.prepare(c, parameters)) {
                return s.executeUpdate();
            }
        });
    }

    public <T> List<T> query(NamedSql statement, Map<String, ?> parameters, Row<T> row) {
        return onConnection(c -> {
            try (PreparedStatement s = statement.prepare(c, parameters); ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        });
    }

    /** PostgreSQL's COPY ... FROM STDIN: the fastest way in for many rows. Answers the rows copied. */
    public long copyIn(String copyStatement, InputStream rows) {
        return onConnection(c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement, rows);
            } catch (java.io.IOException e) {
                throw new SQLException("COPY failed while reading its rows", e);
            }
        });
    }

    private <T> T onConnection(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
