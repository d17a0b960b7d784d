package dev.importer.operations.files;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.http.ApiException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Rocket.Chat's CSV importer, users only: a zip whose root holds {@code users.csv} (any letter
 * case), no header, the columns {@code username,email,name}, trimmed; extra columns ignored.
 * The username is the user's import id. Entries are read in zip order, as they stream: those
 * before {@code users.csv} (channels, messages, {@code __MACOSX}) are read past, counted
 * against the limits, and reading stops after it.
 */
final class RocketChatCsvZip implements UsersFileFormat {

    static final String USERS_CSV = "users.csv";

    @Override
    public void read(InputStream file, FileLimits limits, BiConsumer<String, JsonObject> users) {
        try (ZipInputStream zip = new ZipInputStream(file)) {
            BoundedInput inflated = new BoundedInput(zip, limits.maxExpandedBytes(), "The zip expands");
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new ApiException("error-import-file-too-large",
                            "The zip holds more than " + limits.maxEntries() + " entries");
                }
                if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).equals(USERS_CSV)) {
                    readUsers(inflated, users);
                    return;
                }
                inflated.transferTo(OutputStream.nullOutputStream());
            }
            throw new ApiException("error-invalid-import-file", entries == 0
                    ? "The file is not a zip (the csv importer reads a zip holding users.csv)"
                    : "The zip holds no users.csv at its root");
        } catch (ZipException e) {
            throw new ApiException("error-invalid-import-file", "The file is not a readable zip");
        } catch (IOException e) {
            if (e.getCause() instanceof ApiException refused) {
                throw refused;
            }
            throw new UncheckedIOException(e);
        }
    }

    private static void readUsers(InputStream csv, BiConsumer<String, JsonObject> users) {
        int[] count = {0};
        CsvRecords.read(csv, USERS_CSV, (where, fields) -> {
            users.accept(where, user(where, fields));
            count[0]++;
        });
        if (count[0] == 0) {
            throw new ApiException("error-invalid-import-file", "users.csv holds no user");
        }
    }

    private static JsonObject user(String where, List<String> fields) {
        if (fields.size() < 3) {
            throw ApiException.invalidParams(where + ": needs username, email and name");
        }
        String username = fields.get(0);
        return JSON.createObjectBuilder()
                .add("username", username)
                .add("emails", JSON.createArrayBuilder().add(fields.get(1)))
                .add("importIds", JSON.createArrayBuilder().add(username))
                .add("name", fields.get(2))
                .build();
    }
}
