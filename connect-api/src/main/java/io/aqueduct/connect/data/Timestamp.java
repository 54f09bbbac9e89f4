package io.aqueduct.connect.data;

/**
 * Logical type for an instant: an {@link Schema.Type#INT64} schema named {@value #LOGICAL_NAME} whose
 * value counts milliseconds since the Unix epoch. The Java value is a {@link java.util.Date}.
 *
 * <p>The name is a wire identifier shared with Apache Kafka Connect and never changes. Stateless and
 * thread-safe.
 */
public final class Timestamp {

    /** The schema name of the logical type: {@value}. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Timestamp";

    /** A required Timestamp schema, version 1. */
    public static final Schema SCHEMA = builder().schema();

    private Timestamp() {
    }

    /**
     * A builder for a Timestamp schema, for callers that want to make it optional or add a default.
     *
     * @return a new builder, version 1
     */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int64().name(LOGICAL_NAME).version(1);
    }

    /**
     * Converts an instant to milliseconds since the epoch.
     *
     * @param schema a Timestamp schema, not null
     * @param value the instant, not null
     * @return milliseconds since 1970-01-01T00:00:00Z
     * @throws io.aqueduct.connect.errors.DataException if the schema is not a Timestamp schema
     */
    public static long fromLogical(Schema schema, java.util.Date value) {
        Date.checkSchema(schema, LOGICAL_NAME, "Timestamp");
        return value.getTime();
    }

    /**
     * Converts milliseconds since the epoch to an instant.
     *
     * @param schema a Timestamp schema, not null
     * @param value milliseconds since 1970-01-01T00:00:00Z
     * @return a new date
     * @throws io.aqueduct.connect.errors.DataException if the schema is not a Timestamp schema
     */
    public static java.util.Date toLogical(Schema schema, long value) {
        Date.checkSchema(schema, LOGICAL_NAME, "Timestamp");
        return new java.util.Date(value);
    }
}
