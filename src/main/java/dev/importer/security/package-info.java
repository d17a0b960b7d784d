/**
 * Who is calling and may they: the {@code X-User-Id} / {@code X-Auth-Token} check and the
 * role-based permissions, applied by a filter to every resource marked
 * {@link dev.importer.security.boundary.Authenticated}.
 */
package dev.importer.security;
