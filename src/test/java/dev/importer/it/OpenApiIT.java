package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The OpenAPI document describes every endpoint the WAR has, with schemas; /api/docs renders
 * it, offline, on every server; a server with MicroProfile OpenAPI serves it at /openapi too.
 */
class OpenApiIT extends DeployedWarIT {

    @Test
    @EnabledIfSystemProperty(named = ServerOffers.PROPERTY, matches = ServerOffers.OPENAPI)
    void theDocumentNamesEveryEndpointOfTheWar() {
        JsonObject paths = document().getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        assertEquals(endpointsOfTheWar(), documented);
    }

    @Test
    @EnabledIfSystemProperty(named = ServerOffers.PROPERTY, matches = ServerOffers.OPENAPI)
    void requestsHaveSchemasAndCallsTheSecurityScheme() {
        JsonObject document = document();
        JsonObject addUsers = resolve(document, document.getJsonObject("paths").getJsonObject("/api/v1/import.addUsers")
                .getJsonObject("post").getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema"));
        JsonObject users = addUsers.getJsonObject("properties").getJsonObject("users");
        assertEquals("array", users.getString("type"));
        JsonObject user = resolve(document, users.getJsonObject("items"));
        assertEquals("object", user.getString("type"));
        assertTrue(user.getJsonObject("properties").containsKey("passwordHash"), user.toString());

        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("X-User-Id", schemes.getJsonObject("userId").getString("name"));
        assertEquals("X-Auth-Token", schemes.getJsonObject("authToken").getString("name"));
        assertTrue(document.getJsonObject("paths").getJsonObject("/api/v1/import.new").getJsonObject("post")
                .getJsonObject("responses").containsKey("503"), "the error answers are described");
    }

    @Test
    void theDocsPageAndEverythingItLoadsAreServedByTheWar() {
        Reply page = get("api/docs/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        Matcher loaded = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int resources = 0;
        while (loaded.find()) {
            String resource = loaded.group(1);
            assertTrue(resource.startsWith("/") || !resource.contains(":"), "nothing from elsewhere: " + resource);
            Reply reply = get(resource.startsWith("/") ? resource.substring(1) : "api/docs/" + resource);
            assertEquals(200, reply.status(), resource);
            resources++;
        }
        assertEquals(3, resources, "the style sheet, Swagger UI and its set-up");
        Reply document = get("api/docs/openapi.yaml");
        assertEquals(200, document.status(), "the document Swagger UI renders");
        assertTrue(document.body().startsWith("openapi: 3."), document.body());
        assertTrue(document.body().contains("/api/v1/import.new:"), "the document itself, not a page about it");
    }

    private JsonObject document() {
        Reply reply = api.send(api.request("openapi").header("Accept", "application/json").GET().build());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private Reply get(String path) {
        return api.send(api.request(path).GET().build());
    }

    /** A schema, or the one its $ref names under components/schemas. */
    private static JsonObject resolve(JsonObject document, JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String name = schema.getString("$ref").substring("#/components/schemas/".length());
        return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }

    /** "GET /api/v1/me" and so on, from the JAX-RS resources and servlets the WAR was built from. */
    private static Set<String> endpointsOfTheWar() {
        Set<String> endpoints = new TreeSet<>();
        try (Stream<java.nio.file.Path> classes = Files.walk(Paths.get("target/classes"))) {
            classes.map(java.nio.file.Path::toString)
                    .filter(file -> file.contains("/boundary/") && file.endsWith(".class") && !file.contains("$"))
                    .map(file -> file.substring("target/classes/".length(), file.length() - ".class".length())
                            .replace('/', '.'))
                    .forEach(name -> endpointsOf(name, endpoints));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(endpoints.size() > 20, endpoints.toString());
        return endpoints;
    }

    /** A resource's methods, under its own path; a servlet of a boundary names its endpoint in its description. */
    private static void endpointsOf(String className, Set<String> endpoints) {
        try {
            WebServlet servlet = Class.forName(className).getAnnotation(WebServlet.class);
            if (servlet != null) {
                endpoints.add(servlet.description());
            }
            Path resource = Class.forName(className).getAnnotation(Path.class);
            String under = resource == null || resource.value().equals("/") ? "" : resource.value();
            for (Method method : Class.forName(className).getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                String verb = method.isAnnotationPresent(GET.class) ? "GET"
                        : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb != null && (path != null || !under.isEmpty())) {
                    String full = path == null ? under : under.isEmpty() ? path.value() : under + "/" + path.value();
                    endpoints.add(verb + " /api/v1/" + full);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
