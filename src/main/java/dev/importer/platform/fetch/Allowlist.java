package dev.importer.platform.fetch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rocket.Chat's {@code SSRF_Allowlist}: comma-separated {@code host} or {@code host:port}
 * entries (a host is a name or an IPv4 address, compared ignoring case). A download may
 * reach an allowed host although it resolves to an internal address; a {@code host} entry
 * allows every port, a {@code host:port} entry that port only.
 */
public record Allowlist(List<String> entries) {

    private static final Pattern ENTRY = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252})(:[0-9]{1,5})?");

    public static final Allowlist NONE = new Allowlist(List.of());

    public Allowlist {
        entries = List.copyOf(entries);
    }

    /** The setting's value; empty when an entry is not a host or host:port, with the entry. */
    public static Allowlist parse(String value) {
        return new Allowlist(Arrays.stream(value.split(","))
                .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
                .filter(entry -> !entry.isEmpty())
                .toList());
    }

    /** The first entry that is not a host or host:port, if any. */
    public Optional<String> malformedEntry() {
        return entries.stream().filter(entry -> !ENTRY.matcher(entry).matches() || badPort(entry)).findFirst();
    }

    public boolean allows(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        return entries.contains(name) || entries.contains(name + ":" + port);
    }

    private static boolean badPort(String entry) {
        int colon = entry.indexOf(':');
        return colon >= 0 && Integer.parseInt(entry.substring(colon + 1)) > 65535;
    }
}
