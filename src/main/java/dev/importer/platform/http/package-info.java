/**
 * HTTP: the JAX-RS application, what every request passes before a resource sees it (body
 * size limits, the charset, odd methods, security headers, the bound on large requests at
 * once), JSON bodies read strictly, the client's address behind trusted proxies, and the one
 * place where every error becomes the contract's JSON ({@link
 * dev.importer.platform.http.ExceptionMappers}, {@link dev.importer.platform.http.ErrorServlet}
 * for what never reaches JAX-RS): no request gets a stack trace or a 5xx of our making, but
 * the 503 of an unavailable database ({@link dev.importer.platform.database}).
 */
package dev.importer.platform.http;
