package dev.importer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
