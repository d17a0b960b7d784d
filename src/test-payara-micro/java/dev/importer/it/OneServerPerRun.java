package dev.importer.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro started once per test run instead of once per test class. Its managed adapter
 * starts a server for each deployment, since Payara Micro deploys at launch; every test class
 * deploys the same packaged WAR, so the first deployment's server serves them all, and it
 * stops when Arquillian stops the container, at the end of the run. A test that needs a fresh
 * server or other settings runs in a Failsafe execution of its own.
 */
public final class OneServerPerRun extends PayaraMicroDeployableContainer {

    private String deployedArchive;
    private ProtocolMetaData deployed;

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (archive.getName().equals(deployedArchive)) {
            return deployed;
        }
        stopServer();
        deployed = super.deploy(archive);
        deployedArchive = archive.getName();
        return deployed;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the next test class; stopped with the container
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        try {
            stopServer();
        } catch (DeploymentException e) {
            throw new LifecycleException("Could not stop Payara Micro", e);
        }
        super.stop();
    }

    private void stopServer() throws DeploymentException {
        if (deployed != null) {
            super.undeploy((Archive<?>) null); // stops its server; the archive is not read
            deployed = null;
            deployedArchive = null;
        }
    }

    /** Registers the container in place of Payara Micro's own. */
    public static final class Registration implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OneServerPerRun.class);
        }
    }
}
