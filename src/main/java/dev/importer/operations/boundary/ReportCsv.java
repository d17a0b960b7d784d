package dev.importer.operations.boundary;

import dev.importer.operations.control.StagedRows.ReportRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code import.report?format=csv}: the report's rows as RFC 4180 CSV with a header line,
 * written as they are read, {@link #CHUNK} rows a transaction, so that a report of a million
 * users takes no more heap than one chunk. A cell that a spreadsheet would take for a formula
 * (it starts with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe.
 */
final class ReportCsv implements StreamingOutput {

    /** The rows after a row, at most {@code count}: one transaction each. */
    @FunctionalInterface
    interface Rows {
        List<ReportRow> after(long row, int count);
    }

    static final int CHUNK = 5000;
    private static final String[] HEADER = {"username", "emails", "importIds", "status", "reason", "matchedId",
        "matchedUsername"};

    private final Rows rows;

    ReportCsv(Rows rows) {
        this.rows = rows;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        long after = 0;
        for (List<ReportRow> chunk = rows.after(after, CHUNK); !chunk.isEmpty(); chunk = rows.after(after, CHUNK)) {
            for (ReportRow row : chunk) {
                csv.printRecord(cells(row.asObject()));
            }
            after = chunk.get(chunk.size() - 1).row();
        }
        csv.flush();
    }

    private static List<String> cells(JsonObject user) {
        JsonObject matched = user.get("matched") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        return List.of(text(user, "username"), joined(user, "emails"), joined(user, "importIds"), text(user, "status"),
                text(user, "reason"), text(matched, "_id"), text(matched, "username")).stream()
                .map(ReportCsv::notAFormula)
                .toList();
    }

    static String notAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : "";
    }

    private static String joined(JsonObject object, String name) {
        return object.get(name) instanceof jakarta.json.JsonArray array
                ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.joining(" "))
                : "";
    }
}
