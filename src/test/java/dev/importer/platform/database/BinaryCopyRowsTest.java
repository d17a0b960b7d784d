package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinaryCopyRowsTest {

    @Test
    void writesPostgresBinaryCopyFormat() throws IOException {
        String json = "{\"name\":\"Zoë \\\"Z\\\"\"}";
        DataInputStream copy = new DataInputStream(new BinaryCopyRows(16).row(2).text("op-é").jsonb(json).end());

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
}
