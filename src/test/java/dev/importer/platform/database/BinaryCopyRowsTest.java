package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinaryCopyRowsTest {

    @Test
    void writesPostgresBinaryCopyFormat() throws IOException {
        String json = "{\"name\":\"Zoë \\\"Z\\\"\"}";
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new BinaryCopyRows(written).row(2).text("op-é").jsonb(json).end();
        DataInputStream copy = new DataInputStream(new ByteArrayInputStream(written.toByteArray()));

        assertArrayEquals(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0}, copy.readNBytes(11));
        assertEquals(0, copy.readInt(), "flags");
        assertEquals(0, copy.readInt(), "header extension");
        assertEquals(2, copy.readShort(), "fields of the row");
        byte[] text = "op-é".getBytes(StandardCharsets.UTF_8);
        assertEquals(text.length, copy.readInt());
        assertArrayEquals(text, copy.readNBytes(text.length));
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(jsonBytes.length + 1, copy.readInt(), "jsonb: a version byte and the text");
        assertEquals(1, copy.readByte(), "jsonb version");
        assertArrayEquals(jsonBytes, copy.readNBytes(jsonBytes.length));
        assertEquals(-1, copy.readShort(), "trailer");
        assertEquals(-1, copy.read(), "nothing after the trailer");
    }

    @Test
    void rowsReachTheCopyWhileMoreAreWritten() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        BinaryCopyRows rows = new BinaryCopyRows(written);
        String json = "{\"x\":\"" + "y".repeat(1000) + "\"}";
        for (int i = 0; i < 100; i++) {
            rows.row(1).jsonb(json);
        }

        assertTrue(written.size() > 0, "rows handed on before the end");
    }

    @Test
    void aFailedWriteIsUncheckedAndOfItsOwnType() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection lost");
            }
        };
        BinaryCopyRows rows = new BinaryCopyRows(broken);

        assertThrows(BinaryCopyRows.WriteFailed.class, rows::end);
    }
}
