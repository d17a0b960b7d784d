package dev.importer.platform.http;

import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Answers, on every path, the methods no endpoint has, with a JSON object as every other
 * answer is. Left to the server, OPTIONS answered WADL (XML) under /api/v1 and an empty body
 * elsewhere, and a method the servlet container does not know (PATCH, BREW, ...) 501. Every
 * endpoint is a GET or a POST; outside the API, where the console's files are, only GET and
 * HEAD go through.
 */
@WebFilter("/*")
public class OddMethods extends HttpFilter {

    private static final String ALLOWED = "GET, POST, OPTIONS";
    private static final Set<String> ROUTED = Set.of("GET", "HEAD", "POST", "PUT", "DELETE");
    /** The console's and the API docs' files only answer these: a POST there served the page. */
    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            answer(response, 200, JSON.createObjectBuilder().add("success", true).build());
        } else if (ROUTED.contains(method) && (isApi(request) || READ_ONLY.contains(method))) {
            chain.doFilter(request, response);
        } else {
            answer(response, 405, ApiException.bodyFor(405));
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getServletPath().startsWith("/api/v1");
    }

    private static void answer(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setHeader("Allow", ALLOWED);
        ServletAnswers.json(response, status, body);
    }
}
