package dev.importer.security.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must be logged in, and hold {@link #permission()} when one is named.
 * Checked by {@link AuthenticationFilter} before the resource runs.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {

    /** A permission id such as {@code run-import}; empty: any logged-in user. */
    String permission() default "";
}
