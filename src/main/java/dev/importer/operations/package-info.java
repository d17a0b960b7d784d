/**
 * Import operations: starting a new one (aborting the running one and clearing what was
 * staged), safely under concurrent calls from several server instances.
 */
package dev.importer.operations;
