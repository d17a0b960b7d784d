/**
 * Rocket.Chat's settings that the service reads, by Rocket.Chat's id, kept in the database so
 * that every instance reads the same: today {@code SSRF_Allowlist}, the hosts downloads may
 * reach although they resolve to internal addresses.
 */
package dev.importer.settings;
