/**
 * Headers of Connect records: ordered key/value pairs, each value with its schema, that travel with a
 * record alongside its key and value. {@link io.aqueduct.connect.header.Headers} is the collection,
 * {@link io.aqueduct.connect.header.ConnectHeaders} its implementation, and a header converter turns each
 * {@link io.aqueduct.connect.header.Header} into the bytes of a Kafka record header and back.
 *
 * <p>Headers are immutable; a {@code Headers} collection is mutable and not thread-safe.
 */
package io.aqueduct.connect.header;
