package dev.importer.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The figures in the server's application registry. On a server without MicroProfile
 * Metrics this class cannot be loaded, and CDI leaves the bean out; {@link MetersProducer}
 * then finds none.
 */
@ServerMetrics
@ApplicationScoped
class MicroProfileMeters implements Meters {

    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

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

    /**
     * A summary in seconds, {@code <name>_seconds}: its quantiles (tag {@code quantile}),
     * {@code _count}, {@code _sum}, {@code _max} and {@code _mean}, each a gauge of a
     * {@link SecondsSummary}. Not a MicroProfile Timer: Payara 6 prints a timer's quantiles and
     * mean in nanoseconds and its sum in seconds, whatever unit the timer declares.
     */
    @Override
    public Timer timer(String name, String description) {
        SecondsSummary summary = new SecondsSummary();
        String seconds = name + ".seconds";
        for (double quantile : QUANTILES) {
            register(seconds, description, () -> summary.quantile(quantile),
                    new org.eclipse.microprofile.metrics.Tag("quantile", Double.toString(quantile)));
        }
        register(seconds + ".count", description, summary::count);
        register(seconds + ".sum", description, summary::sum);
        register(seconds + ".max", description, summary::max);
        register(seconds + ".mean", description, summary::mean);
        return summary::record;
    }

    private void register(String name, String description, DoubleSupplier value,
            org.eclipse.microprofile.metrics.Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                value, DoubleSupplier::getAsDouble, tags);
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value) {
        register(name, description, value);
    }
}
