package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void everyUseOfANameBecomesAPlaceholderAndCastsStay() {
        NamedSql sql = NamedSql.of("""
                SELECT CAST(:rows AS bigint[]), data::jsonb, :mode = 'update' -- not :here
                FROM t WHERE a = :mode AND b = :rows_2""");

        assertEquals("""
                SELECT CAST(? AS bigint[]), data::jsonb, ? = 'update' -- not :here
                FROM t WHERE a = ? AND b = ?""", sql.jdbcSql());
    }

    @Test
    void aStatementFileGetsItsIncludesInPlaceAndKeepsTheirParameters() {
        String statement = NamedSql.text("sql/import/mark-duplicates.sql");

        assertFalse(statement.matches("(?s)(.*\\n)?\\\\set .*"), statement);
        assertFalse(statement.contains(":duplicates"), statement);
        assertTrue(statement.contains("PARTITION BY lower(data->>'username')"), statement);
        String jdbc = NamedSql.load("import/mark-duplicates.sql").jdbcSql();
        assertEquals(3, jdbc.chars().filter(c -> c == '?').count(), jdbc);
    }

    @Test
    void everyStatementFileLoads() {
        for (String file : List.of("mark-duplicates", "import-batch", "predict", "report")) {
            String statement = NamedSql.text("sql/import/" + file + ".sql");
            assertFalse(statement.matches("(?s)(.*\\n)?\\\\set .*"), file);
            assertFalse(statement.matches("(?s).*:(judged|duplicates|report_entry)\\b.*"), file);
        }
    }
}
