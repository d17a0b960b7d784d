package dev.importer.operations.files;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.http.ApiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Slack's users export, read as Rocket.Chat's slack-users importer reads it: a CSV whose first
 * row is a header; username in column 1, address in column 2 (rows without one are left
 * out), name in column 8, else 9, else the username; column 3 {@code Admin} makes an
 * administrator, {@code Bot} a bot, {@code Deactivated} a deleted user. The address is the
 * user's import id.
 */
final class SlackUsersCsv implements UsersFileFormat {

    static final String FILE = "the Slack users CSV";

    @Override
    public void read(InputStream file, FileLimits limits, BiConsumer<String, JsonObject> users) {
        int[] count = {0};
        CsvRecords.read(new BoundedInput(file, limits.maxExpandedBytes(), "The file amounts"), FILE, (where, fields) -> {
            boolean header = count[0]++ == 0;
            if (!header && column(fields, 1).isPresent()) {
                users.accept(where, user(fields));
            }
        });
        if (count[0] <= 1) {
            throw new ApiException("error-invalid-import-file", FILE + " holds no user");
        }
    }

    private static JsonObject user(List<String> fields) {
        String username = fields.get(0);
        String email = fields.get(1);
        JsonObjectBuilder user = JSON.createObjectBuilder()
                .add("username", username)
                .add("emails", JSON.createArrayBuilder().add(email))
                .add("importIds", JSON.createArrayBuilder().add(email))
                .add("name", column(fields, 7).or(() -> column(fields, 8)).orElse(username));
        switch (column(fields, 2).orElse("")) {
            case "Admin" -> user.add("roles", JSON.createArrayBuilder().add("admin").add("user"));
            case "Bot" -> user.add("type", "bot").add("roles", JSON.createArrayBuilder().add("bot"));
            case "Deactivated" -> user.add("deleted", true);
            default -> { }
        }
        return user.build();
    }

    private static Optional<String> column(List<String> fields, int index) {
        return index < fields.size() && !fields.get(index).isEmpty()
                ? Optional.of(fields.get(index))
                : Optional.empty();
    }
}
