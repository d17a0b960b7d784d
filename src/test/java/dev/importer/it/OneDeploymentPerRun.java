package dev.importer.it;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The WAR deployed once per test run, not once per test class, on every server: the first
 * class's deployment serves every later class that deploys an archive of the same name, and
 * is undeployed when its container stops, at the end of the run. Payara Micro's managed
 * adapter starts a server per deployment (it deploys at launch), GlassFish's and WildFly's
 * redeploy the WAR, 10 to 15 s, per class. A test that needs a fresh server or other settings
 * runs in a Failsafe execution of its own.
 */
public final class OneDeploymentPerRun implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(KeptDeployments.class);
    }

    public static final class KeptDeployments {

        /** Inside Arquillian's own interceptors, which activate the deployment's context. */
        private static final int INNERMOST = -100;

        private record Kept(DeployableContainer<?> container, Archive<?> archive, ProtocolMetaData metaData) {
        }

        private final List<Kept> kept = new ArrayList<>();

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        public void deployOnce(@Observes(precedence = INNERMOST) EventContext<DeployDeployment> context) {
            Deployment requested = context.getEvent().getDeployment();
            Archive<?> archive = requested.getDescription().getArchive();
            Kept earlier = kept.stream()
                    .filter(k -> k.container() == context.getEvent().getDeployableContainer())
                    .filter(k -> k.archive().getName().equals(archive.getName()))
                    .findFirst().orElse(null);
            if (earlier == null) {
                context.proceed();
                if (requested.isDeployed()) {
                    kept.add(new Kept(context.getEvent().getDeployableContainer(), archive, protocolMetaData.get()));
                }
                return;
            }
            // As Arquillian's deployer leaves it, so that @ArquillianResource finds the address.
            description.set(requested.getDescription());
            deployment.set(requested);
            protocolMetaData.set(earlier.metaData());
            requested.deployed();
        }

        public void keep(@Observes(precedence = INNERMOST) EventContext<UnDeployDeployment> context) {
            // kept for the next test class; undeployed when the container stops
        }

        public void undeployKept(@Observes BeforeStop event) throws DeploymentException {
            for (Kept deployed : List.copyOf(kept)) {
                if (deployed.container() == event.getDeployableContainer()) {
                    deployed.container().undeploy(deployed.archive());
                    kept.remove(deployed);
                }
            }
        }
    }
}
