package dev.importer.operations.entity;

import java.util.Map;

/** How many staged users reached each outcome. */
public record OutcomeCount(int imported, int updated, int skipped, int failed) {

    /** From counts keyed by {@link Outcome#wireName()}; a missing outcome counts 0. */
    public static OutcomeCount of(Map<String, Integer> byWireName) {
        return new OutcomeCount(
                byWireName.getOrDefault(Outcome.IMPORTED.wireName(), 0),
                byWireName.getOrDefault(Outcome.UPDATED.wireName(), 0),
                byWireName.getOrDefault(Outcome.SKIPPED.wireName(), 0),
                byWireName.getOrDefault(Outcome.FAILED.wireName(), 0));
    }

    public int total() {
        return imported + updated + skipped + failed;
    }

    public int of(Outcome outcome) {
        return switch (outcome) {
            case IMPORTED -> imported;
            case UPDATED -> updated;
            case SKIPPED -> skipped;
            case FAILED -> failed;
        };
    }
}
