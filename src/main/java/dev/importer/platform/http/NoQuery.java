package dev.importer.platform.http;

import jakarta.ws.rs.core.UriInfo;

/** Rocket.Chat's schemas of its import endpoints' GETs allow no query parameter: any is a 400. */
public final class NoQuery {

    private NoQuery() {
    }

    public static void require(UriInfo uri) {
        uri.getQueryParameters().keySet().stream().findFirst().ifPresent(name -> {
            throw ApiException.invalidParams("must NOT have additional properties: '" + name + "'");
        });
    }
}
