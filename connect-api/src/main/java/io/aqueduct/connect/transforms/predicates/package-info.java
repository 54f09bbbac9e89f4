/**
 * Conditions that decide whether a transformation applies to a record, configured with
 * {@code predicates} and referenced from a transformation's {@code predicate} and {@code negate}
 * settings. See {@link io.aqueduct.connect.transforms.predicates.Predicate}.
 */
package io.aqueduct.connect.transforms.predicates;
