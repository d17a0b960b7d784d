package dev.importer.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test class runs against the packaged WAR over loopback (deployed once for every class of
 * a run: OneDeploymentPerRun), with a fresh administrator session for each test.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWarIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    Api api;
    Credentials admin;

    @BeforeEach
    void connectAsAdmin() {
        api = new Api(Deployments.loopback(deployment));
        admin = api.loginAsAdmin();
    }
}
