/**
 * Exceptions that carry an HTTP status, and the mapping of every failure to the JSON error body
 * {@code {"error_code": <status>, "message": "..."}}.
 */
package io.aqueduct.connect.runtime.rest.errors;
