package dev.importer.operations.files;

import dev.importer.platform.http.ApiException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file's records, one at a time, read as RFC 4180 (comma, quotes, quoted line breaks)
 * from UTF-8, a leading byte-order mark dropped, empty lines skipped, spaces around a field
 * (quoted or not) dropped. A record longer than
 * {@link FileLimits#MAX_RECORD_CHARS} is refused before it is held whole; so is malformed
 * quoting and text that is not UTF-8.
 */
final class CsvRecords {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvRecords() {
    }

    /** Hands each record's fields, trimmed, to {@code records}, with the file's name and the record's number. */
    static void read(InputStream in, String fileName, BiConsumer<String, List<String>> records) {
        RecordBound bound = new RecordBound(withoutByteOrderMark(utf8(in)));
        try (CSVParser parser = CSVParser.builder().setReader(bound).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                records.accept(fileName + " row " + record.getRecordNumber(),
                        record.stream().map(String::trim).toList());
                bound.recordEnded();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable(fileName, e);
        }
    }

    /** Our own refusal where the parser carried one; else what is wrong with the text. */
    private static ApiException unreadable(String fileName, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                return refused;
            }
            if (cause instanceof CharacterCodingException) {
                return new ApiException("error-invalid-import-file", fileName + " is not UTF-8 text");
            }
        }
        return new ApiException("error-invalid-import-file", fileName + " is not a CSV file: "
                + "a quote is not closed or stands inside an unquoted field");
    }

    private static Reader utf8(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    private static Reader withoutByteOrderMark(Reader reader) {
        try {
            PushbackReader pushback = new PushbackReader(reader, 1);
            int first = pushback.read();
            if (first >= 0 && first != BYTE_ORDER_MARK) {
                pushback.unread(first);
            }
            return pushback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Counts the characters read since the last record ended. The parser reads ahead, so the
     * count is a little early; it bounds a record all the same.
     */
    private static final class RecordBound extends FilterReader {
        private long sinceRecord;

        RecordBound(Reader in) {
            super(in);
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            counted(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            counted(Math.max(n, 0));
            return n;
        }

        private void counted(int chars) throws IOException {
            sinceRecord += chars;
            if (sinceRecord > FileLimits.MAX_RECORD_CHARS + 65536L) {
                throw new IOException(new ApiException("error-import-file-too-large",
                        "A CSV row is longer than " + FileLimits.MAX_RECORD_CHARS + " characters"));
            }
        }
    }
}
