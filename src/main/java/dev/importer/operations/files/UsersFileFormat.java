package dev.importer.operations.files;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.function.BiConsumer;

/** One importer's file format. */
@FunctionalInterface
public interface UsersFileFormat {

    /**
     * Hands each user of the file to {@code users} in file order, as {@code import.addUsers}
     * takes a user, with where it is in the file (for errors); refuses, with a 400, a file it
     * cannot read or one past the limits.
     */
    void read(InputStream file, FileLimits limits, BiConsumer<String, JsonObject> users);
}
