package dev.importer.security.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.http.ApiException;
import dev.importer.security.control.Authenticator;
import dev.importer.security.control.Authenticator.Admission;
import dev.importer.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;

/** Answers 401 or 403 before a resource marked {@link Authenticated} runs. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final JsonObject NOT_LOGGED_IN = JSON.createObjectBuilder()
            .add("status", "error")
            .add("message", "You must be logged in to do this.")
            .build();

    static final JsonObject NOT_PERMITTED = JSON.createObjectBuilder()
            .add("success", false)
            .add("error", "User does not have the permissions required for this action [error-unauthorized]")
            .build();

    @Context
    ResourceInfo resource;

    @Inject
    Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Admission> admission = authenticator.admit(request.getHeaderString("X-User-Id"),
                request.getHeaderString("X-Auth-Token"), requiredPermission());
        if (admission.isEmpty()) {
            request.abortWith(ApiException.json(401, NOT_LOGGED_IN));
            return;
        }
        if (!admission.get().permitted()) {
            request.abortWith(ApiException.json(403, NOT_PERMITTED));
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(admission.get().caller(), secure));
    }

    private String requiredPermission() {
        Method method = resource.getResourceMethod();
        Authenticated marker = method.isAnnotationPresent(Authenticated.class)
                ? method.getAnnotation(Authenticated.class)
                : resource.getResourceClass().getAnnotation(Authenticated.class);
        return marker.permission();
    }

    private record CallerContext(Caller caller, boolean isSecure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public String getAuthenticationScheme() {
            return "X-Auth-Token";
        }
    }
}
