/**
 * Single message transformations: small, stateless-by-preference functions that the runtime applies to
 * each record between a connector and Kafka, configured with {@code transforms} in the connector
 * configuration. See {@link io.aqueduct.connect.transforms.Transformation}.
 */
package io.aqueduct.connect.transforms;
