/**
 * The files of Rocket.Chat's file importers ({@code uploadImportFile},
 * {@code downloadPublicImportFile}), read into users as {@code import.addUsers} takes them:
 * each format is one {@link dev.importer.operations.files.UsersFileFormat} and one entry of
 * {@link dev.importer.operations.files.FileImporter}. Reading streams and is bounded
 * ({@link dev.importer.operations.files.FileLimits}): neither a zip bomb nor a huge row can
 * take the heap. No database here.
 */
package dev.importer.operations.files;
