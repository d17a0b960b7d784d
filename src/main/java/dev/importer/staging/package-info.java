/** The rows staged for an import ({@code import_data}), waiting for the import to run. */
package dev.importer.staging;
