package dev.importer.platform;

import static dev.importer.platform.Jsonp.JSON;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers OPTIONS and TRACE on every path with a JSON object, as every other answer is:
 * left to the server, OPTIONS answered WADL (XML) under /api/v1 and an empty body elsewhere.
 * Every endpoint is a GET or a POST; TRACE is never allowed.
 */
@WebFilter("/*")
public class OptionsAndTrace extends HttpFilter {

    private static final String ALLOWED = "GET, POST, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        switch (request.getMethod()) {
            case "OPTIONS" -> answer(response, 200, JSON.createObjectBuilder().add("success", true).build().toString());
            case "TRACE" -> answer(response, 405, ApiException.bodyFor(405).toString());
            default -> chain.doFilter(request, response);
        }
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setHeader("Allow", ALLOWED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
    }
}
