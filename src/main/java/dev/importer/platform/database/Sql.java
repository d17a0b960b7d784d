package dev.importer.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Set-based SQL on the connection of the current transaction, the one JPA uses: for the
 * statements whose work grows with the data, where an entity per row would not do.
 */
@ApplicationScoped
public class Sql {

    /** Bytes handed to the driver at a time by {@link #copyIn}. */
    private static final int COPY_CHUNK = 64 * 1024;

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

    /** Writes the rows of a COPY, in the format its statement names, as they are made. */
    @FunctionalInterface
    public interface CopyRows {
        void writeTo(OutputStream copy);
    }

    /**
     * PostgreSQL's COPY ... FROM STDIN, the fastest way in for many rows, fed as {@code rows}
     * writes them: the database stores the first rows while the rest are made. An exception
     * from {@code rows} cancels the COPY (the transaction then stores none of them) and is
     * thrown on. Answers the rows copied.
     */
    public long copyIn(String copyStatement, CopyRows rows) {
        return onConnection(c -> {
            PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), copyStatement, COPY_CHUNK);
            try {
                rows.writeTo(copy);
                return copy.endCopy();
            } catch (BinaryCopyRows.WriteFailed e) {
                cancel(copy, e);
                throw new SQLException("COPY failed while its rows were written", e.getCause());
            } catch (RuntimeException e) {
                cancel(copy, e);
                throw e;
            }
        });
    }

    private static void cancel(PGCopyOutputStream copy, Exception cause) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private <T> T onConnection(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
