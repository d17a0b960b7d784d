package dev.importer.operations.files;

import dev.importer.platform.http.ApiException;
import java.util.Arrays;

/** The importers of {@code importers.list}: Rocket.Chat's key and name, and how each reads its file. */
public enum FileImporter {
    CSV("csv", "CSV", new RocketChatCsvZip()),
    SLACK_USERS("slack-users", "Slack's Users CSV", new SlackUsersCsv());

    private final String key;
    private final String displayName;
    private final UsersFileFormat format;

    FileImporter(String key, String displayName, UsersFileFormat format) {
        this.key = key;
        this.displayName = displayName;
        this.format = format;
    }

    public String key() {
        return key;
    }

    /** The name Rocket.Chat gives it, which is also the type of its operations. */
    public String displayName() {
        return displayName;
    }

    public UsersFileFormat format() {
        return format;
    }

    /** The importer of that key; 400 {@code error-importer-not-defined} as Rocket.Chat answers it. */
    public static FileImporter ofKey(String key) {
        return Arrays.stream(values())
                .filter(importer -> importer.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new ApiException("error-importer-not-defined",
                        "The importer (" + key + ") has no import class defined."));
    }

    /** Whether an operation of that importer key reads a file. */
    public static boolean readsFile(String importerKey) {
        return Arrays.stream(values()).anyMatch(importer -> importer.key.equals(importerKey));
    }
}
