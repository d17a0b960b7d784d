package dev.importer.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The headers every answer carries: no script, style or frame from anywhere but the service
 * itself and none inline (the console and the API docs keep theirs in files), no content-type
 * sniffing, no referrer, no framing by another site; and for the API's answers, which carry
 * tokens and users, no caching. Of the WebJars only the files the pages use are served: the
 * two of Swagger UI that the API docs load (its stock page points at a demo API on the
 * internet) and Papa Parse's, which the console loads.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Pattern SERVED_WEBJAR_FILES =
            Pattern.compile("/webjars/swagger-ui/[^/]+/(swagger-ui\\.css|swagger-ui-bundle\\.js)"
                    + "|/webjars/papaparse/[^/]+/papaparse\\.min\\.js");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // decoded and normalized, as the container maps it: "/%77ebjars/..." is "/webjars/..."
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (path.startsWith("/api/v1/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (path.startsWith("/webjars/") && !SERVED_WEBJAR_FILES.matcher(path).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
