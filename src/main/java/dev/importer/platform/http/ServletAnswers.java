package dev.importer.platform.http;

import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A JSON answer written by a servlet or a filter, where no JAX-RS provider writes it. */
public final class ServletAnswers {

    private ServletAnswers() {
    }

    public static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.createWriter(response.getWriter()).writeObject(body);
    }
}
