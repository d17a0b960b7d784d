package dev.importer.platform.database;


import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** persistence.xml lists its classes, since not every server lets Hibernate scan: all of them. */
class PersistenceUnitTest {

    @Test
    void listsEveryEntityEmbeddableAndConverter() throws Exception {
        assertEquals(annotatedClasses(), listedClasses());
    }

    private static Set<String> listedClasses() throws Exception {
        try (InputStream xml = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
            NodeList classes = document.getElementsByTagName("class");
            Set<String> names = new TreeSet<>();
            for (int i = 0; i < classes.getLength(); i++) {
                names.add(classes.item(i).getTextContent().trim());
            }
            return names;
        }
    }

    private static Set<String> annotatedClasses() throws IOException, URISyntaxException {
        Path root = Path.of(DatabaseSchema.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(PersistenceUnitTest::isPersistent)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isPersistent(String className) {
        try {
            Class<?> type = Class.forName(className, false, PersistenceUnitTest.class.getClassLoader());
            return type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                    || type.isAnnotationPresent(Converter.class);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(className, e);
        }
    }
}
