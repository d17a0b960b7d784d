/**
 * Accounts: users with their roles and e-mail addresses, password login and logout, the
 * caller's own profile, and the first administrator created from the environment.
 */
package dev.importer.accounts;
