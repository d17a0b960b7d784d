/**
 * What every component stands on, by what it is about: {@link dev.importer.platform.database}
 * (the data source, its connections, the schema, statements), {@link dev.importer.platform.http}
 * (the JAX-RS application, filters, JSON bodies, errors as the contract's JSON shapes, the
 * client's address) and {@link dev.importer.platform.metrics}. Here, what any of them
 * may use: timestamps and permits. Nothing in platform depends on the components above it,
 * and http may use database, not the other way.
 */
package dev.importer.platform;
