package dev.importer.accounts.boundary;

import dev.importer.accounts.boundary.Avatars.Avatar;
import dev.importer.platform.database.DatabaseUnavailable;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.ServletAnswers;
import dev.importer.platform.http.Texts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /avatar/{username}}: the user's stored avatar with its content type, as
 * Rocket.Chat serves it, without a login. Served under a policy that runs nothing in it (an
 * SVG may hold a script). A user without one, or no such user: 404 as JSON.
 */
@WebServlet(urlPatterns = "/avatar/*", description = "GET /avatar/{username}")
public class AvatarServlet extends HttpServlet {

    @Inject
    Avatars avatars;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> username = Optional.ofNullable(request.getPathInfo())
                .map(path -> path.substring(1))
                .filter(name -> !name.isEmpty() && !name.contains("/") && !Texts.hasControlCharacter(name, false));
        Optional<Avatar> avatar;
        try {
            avatar = username.flatMap(avatars::of);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCauseOf(e)) {
                throw e;
            }
            response.setHeader("Retry-After", String.valueOf(ApiException.DATABASE_RETRY_AFTER_SECONDS));
            ServletAnswers.json(response, 503, ApiException.databaseUnavailable());
            return;
        }
        if (avatar.isEmpty()) {
            ServletAnswers.json(response, 404, ApiException.body("No avatar for this user", "error-avatar-not-found"));
            return;
        }
        response.setContentType(avatar.get().contentType());
        response.setContentLength(avatar.get().data().length);
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(avatar.get().data());
    }
}
