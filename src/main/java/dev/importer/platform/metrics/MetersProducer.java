package dev.importer.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * MicroProfile Metrics where the server offers it (Payara); elsewhere (GlassFish 7, WildFly's
 * standalone.xml) the figures are not kept, and everything else works the same.
 */
@ApplicationScoped
public class MetersProducer {

    private static final Logger LOG = Logger.getLogger(MetersProducer.class.getName());

    @Inject
    @ServerMetrics
    Instance<Meters> serverMetrics;

    @Produces
    @ApplicationScoped
    Meters meters() {
        if (serverMetrics.isResolvable()) {
            return serverMetrics.get();
        }
        LOG.info("This server offers no MicroProfile Metrics: the importer's figures are not kept");
        return new UnkeptMeters();
    }

    /** Figures nobody keeps. */
    private static final class UnkeptMeters implements Meters {

        @Override
        public Counter counter(String name, String description, Tag... tags) {
            return amount -> {
            };
        }

        @Override
        public Timer timer(String name, String description) {
            return duration -> {
            };
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value) {
        }
    }
}
