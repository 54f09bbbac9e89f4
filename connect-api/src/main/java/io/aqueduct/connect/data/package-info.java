/**
 * The Connect data model: schemas and the values they describe, as connectors produce and consume them
 * and converters serialize them.
 *
 * <h2>Schemas</h2>
 * A {@link io.aqueduct.connect.data.Schema} has one of twelve {@link io.aqueduct.connect.data.Schema.Type}s:
 * eight primitive numbers, booleans and strings, BYTES, and the containers ARRAY, MAP and STRUCT. Build
 * schemas with {@link io.aqueduct.connect.data.SchemaBuilder}; the result is an immutable, thread-safe
 * {@link io.aqueduct.connect.data.ConnectSchema}. The common primitive schemas exist as constants such as
 * {@link io.aqueduct.connect.data.Schema#INT32_SCHEMA}.
 *
 * <h2>Values</h2>
 * Values are plain Java objects ({@code Integer} for INT32, {@code List} for ARRAY, ...; see
 * {@link io.aqueduct.connect.data.Schema}) except for struct values, which are
 * {@link io.aqueduct.connect.data.Struct}s bound to their schema. A Struct checks every value it is given
 * and {@link io.aqueduct.connect.data.Struct#validate()} checks that it is complete;
 * {@link io.aqueduct.connect.data.ConnectSchema#validateValue(Schema, Object)} checks any value.
 * Structs are mutable and not thread-safe.
 *
 * <h2>Logical types</h2>
 * Named schemas give a primitive type a meaning: {@link io.aqueduct.connect.data.Decimal} (BYTES),
 * {@link io.aqueduct.connect.data.Date} and {@link io.aqueduct.connect.data.Time} (INT32),
 * {@link io.aqueduct.connect.data.Timestamp} (INT64). Their names are wire identifiers shared with Apache
 * Kafka Connect ({@code org.apache.kafka.connect.data.Decimal}, ...), so data written by either runtime is
 * understood by the other.
 *
 * <h2>Utilities</h2>
 * {@link io.aqueduct.connect.data.Values} converts values between types and to and from text;
 * {@link io.aqueduct.connect.data.SchemaProjector} projects values between versions of a schema.
 */
package io.aqueduct.connect.data;
