package dev.importer.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL statement with {@code :named} parameters, which may appear more than once, prepared
 * for JDBC (which knows only {@code ?}). Casts ({@code ::jsonb}) are left alone. Arrays are
 * bound as PostgreSQL arrays: {@code long[]} as {@code bigint[]}, {@code String[]} as
 * {@code text[]}.
 *
 * <p>The engine's statements are files under {@code src/main/resources/sql}, which psql runs
 * as they are, with the parameters set as psql variables ({@code \set operation '''...'''}).
 * A statement includes a shared part the way psql does: a line
 * {@code \set NAME `cat src/main/resources/sql/PATH`} at its top makes {@code :NAME} stand
 * for the text of that file; {@link #load} does the same with the file from the class path.
 */
public final class NamedSql {

    /** A name, or a line comment (skipped: the driver sees no placeholder there either). */
    private static final Pattern PARAMETER = Pattern.compile("--[^\\n]*|(?<![:\\w]):([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern INCLUDE =
            Pattern.compile("(?m)^\\\\set (\\w+) `cat src/main/resources/(sql/[\\w/.-]+\\.sql)`\\n");

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

    /** The statement in the file {@code sql/PATH} of the class path, its includes in place. */
    public static NamedSql load(String path) {
        return new NamedSql(text("sql/" + path));
    }

    /** The text of a statement file, its includes in place, its parameters still named. */
    public static String text(String resource) {
        String file = read(resource);
        Matcher include = INCLUDE.matcher(file);
        Map<String, String> included = new LinkedHashMap<>();
        while (include.find()) {
            included.put(include.group(1), text(include.group(2)).strip());
        }
        String statement = include.replaceAll("");
        for (Map.Entry<String, String> part : included.entrySet()) {
            statement = Pattern.compile("(?<![:\\w]):" + part.getKey() + "(?!\\w)").matcher(statement)
                    .replaceAll(Matcher.quoteReplacement(part.getValue()));
        }
        return statement;
    }

    private static String read(String resource) {
        try (InputStream in = NamedSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No statement file " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcSql() {
        return jdbcSql;
    }

    /** The statement prepared with its parameters bound, for a caller that runs it itself (EXPLAIN). */
    public PreparedStatement prepare(Connection connection, Map<String, ?> parameters) throws SQLException {
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
