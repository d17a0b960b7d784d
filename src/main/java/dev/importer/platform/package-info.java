/**
 * What every component stands on: the JAX-RS application, the database (data source,
 * creation, versioned migrations, health), and the one place where errors become the JSON
 * shapes of the contract.
 */
package dev.importer.platform;
