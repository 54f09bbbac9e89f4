/**
 * Helpers for connector authors.
 */
package io.aqueduct.connect.util;
