package dev.importer.it;

/**
 * What the server under test offers beyond Jakarta EE, as the build's profile declares it in
 * the system property {@value #PROPERTY}; for {@code @EnabledIfSystemProperty} on the tests of
 * each. Payara Micro offers them all; GlassFish 7 and WildFly's standalone.xml none.
 */
final class ServerOffers {

    static final String PROPERTY = "it.server.offers";

    /** MicroProfile Health at /health. */
    static final String HEALTH = ".*\\bhealth\\b.*";
    /** MicroProfile Metrics at /metrics. */
    static final String METRICS = ".*\\bmetrics\\b.*";
    /** MicroProfile OpenAPI at /openapi. */
    static final String OPENAPI = ".*\\bopenapi\\b.*";

    private ServerOffers() {
    }
}
