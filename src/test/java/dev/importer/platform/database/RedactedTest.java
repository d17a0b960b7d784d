package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void keepsClassesSqlStatesAndFramesButNoMessage() {
        SQLException driver = new SQLException("ERROR: value too long. Detail: Failing row contains (s3cret-hash)", "22001");
        RuntimeException wrapped = new IllegalStateException("could not execute statement: s3cret-hash", driver);

        Throwable redacted = Redacted.of(wrapped);

        StringWriter trace = new StringWriter();
        redacted.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains("s3cret"), trace.toString());
        assertEquals("java.lang.IllegalStateException", redacted.toString());
        assertEquals("java.sql.SQLException [SQLState 22001]", redacted.getCause().toString());
        assertEquals(wrapped.getStackTrace()[0], redacted.getStackTrace()[0]);
    }

    @Test
    void saysTheChainOnOneLineWithoutMessages() {
        SQLException timeout = new SQLException("ERROR: canceling statement due to statement timeout, s3cret", "57014");

        assertEquals("java.lang.IllegalStateException <- java.sql.SQLException [SQLState 57014]",
                Redacted.chain(new IllegalStateException("s3cret", timeout)));
    }

    @Test
    void endsOnACycleOfCauses() {
        IllegalStateException first = new IllegalStateException("a");
        IllegalStateException second = new IllegalStateException("b", first);
        first.initCause(second);

        assertEquals(null, Redacted.of(first).getCause().getCause());
    }
}
