/**
 * The converters built into the worker: {@link io.aqueduct.connect.converters.ByteArrayConverter},
 * the number converters, {@link io.aqueduct.connect.converters.BooleanConverter} and the default header
 * converter {@link io.aqueduct.connect.converters.SimpleHeaderConverter}. Their class names are
 * configuration values and must not change.
 */
package io.aqueduct.connect.converters;
