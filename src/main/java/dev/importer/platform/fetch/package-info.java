/**
 * Downloads the service makes on an operator's word (an import file's URL, a user's avatar
 * URL), under SSRF rules: http and https only, no target that resolves to a loopback,
 * private, link-local or otherwise internal address unless the operator allowed its host
 * ({@link dev.importer.platform.fetch.Allowlist}), every redirect checked the same way,
 * size and time bounded.
 */
package dev.importer.platform.fetch;
