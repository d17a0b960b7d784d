package dev.importer.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The figures in the server's application registry. On a server without MicroProfile
 * Metrics this class cannot be loaded, and CDI leaves the bean out; {@link MetersProducer}
 * then finds none.
 */
@ServerMetrics
@ApplicationScoped
class MicroProfileMeters implements Meters {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Override
    public Counter counter(String name, String description, Tag... tags) {
        org.eclipse.microprofile.metrics.Counter counter = registry.counter(
                Metadata.builder().withName(name).withDescription(description).build(),
                Arrays.stream(tags).map(t -> new org.eclipse.microprofile.metrics.Tag(t.name(), t.value()))
                        .toArray(org.eclipse.microprofile.metrics.Tag[]::new));
        return counter::inc;
    }

    @Override
    public Timer timer(String name, String description) {
        return registry.timer(Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.SECONDS).build())::update;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                value, DoubleSupplier::getAsDouble);
    }
}
