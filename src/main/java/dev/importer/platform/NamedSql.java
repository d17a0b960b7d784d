package dev.importer.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL statement with {@code :named} parameters, which may appear more than once, prepared
 * for JDBC (which knows only {@code ?}). Casts ({@code ::jsonb}) are left alone. Arrays are
 * bound as PostgreSQL arrays: {@code long[]} as {@code bigint[]}, {@code String[]} as
 * {@code text[]}.
 */
public final class NamedSql {

    /** A name, or a line comment (skipped: the driver sees no placeholder there either). */
    private static final Pattern PARAMETER = Pattern.compile("--[^\\n]*|(?<![:\\w]):([A-Za-z][A-Za-z0-9_]*)");

    private final String jdbcSql;
    private final List<String> names = new ArrayList<>();

    private NamedSql(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
                m.appendReplacement(jdbc, "?");
            }
        }
        m.appendTail(jdbc);
        this.jdbcSql = jdbc.toString();
    }

    public static NamedSql of(String sql) {
        return new NamedSql(sql);
    }

    String jdbcSql() {
        return jdbcSql;
    }

    PreparedStatement prepare(Connection connection, Map<String, ?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            statement.setObject(i + 1, jdbcValue(connection, parameters.get(name)));
        }
        return statement;
    }

    private static Object jdbcValue(Connection connection, Object value) throws SQLException {
        if (value instanceof long[] longs) {
            Long[] boxed = new Long[longs.length];
            for (int i = 0; i < longs.length; i++) {
                boxed[i] = longs[i];
            }
            return connection.createArrayOf("bigint", boxed);
        }
        if (value instanceof String[] strings) {
            return connection.createArrayOf("text", strings);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return value;
    }
}
