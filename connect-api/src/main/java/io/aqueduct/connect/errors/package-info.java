/**
 * Exceptions of the Connect API. Everything here extends {@link io.aqueduct.connect.errors.ConnectException}.
 */
package io.aqueduct.connect.errors;
