/**
 * Who a caller is: the user ids and tokens that {@code accounts} issues and {@code security}
 * checks. Both packages use these types; this package uses neither, so the dependencies run
 * one way: accounts → security → identity, accounts → identity.
 */
package dev.importer.identity;
