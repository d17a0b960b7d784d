package dev.importer.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that operators deploy, exactly as Maven packaged it. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive packagedWar() {
        File war = new File(System.getProperty("importer.war", "target/importer.war"));
        return ShrinkWrap.create(ZipImporter.class, "importer.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * Arquillian reports the machine's network address; all test traffic stays on loopback.
     */
    public static URI loopback(URL deployment) {
        return URI.create("http://127.0.0.1:" + deployment.getPort() + "/");
    }
}
