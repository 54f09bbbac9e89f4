package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

/**
 * Logical type for a time of day without a date: an {@link Schema.Type#INT32} schema named
 * {@value #LOGICAL_NAME} whose value counts milliseconds since midnight. The Java value is a
 * {@link java.util.Date} on 1970-01-01 UTC.
 *
 * <p>The name is a wire identifier shared with Apache Kafka Connect and never changes. Stateless and
 * thread-safe.
 */
public final class Time {

    /** The schema name of the logical type: {@value}. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Time";

    /** A required Time schema, version 1. */
    public static final Schema SCHEMA = builder().schema();

    private Time() {
    }

    /**
     * A builder for a Time schema, for callers that want to make it optional or add a default.
     *
     * @return a new builder, version 1
     */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * Converts a time of day to milliseconds since midnight.
     *
     * @param schema a Time schema, not null
     * @param value a date on 1970-01-01 UTC, not null
     * @return milliseconds since midnight, 0 to 86,399,999
     * @throws DataException if the schema is not a Time schema, or the value is not on 1970-01-01 UTC
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        Date.checkSchema(schema, LOGICAL_NAME, "Time");
        long millis = value.getTime();
        if (millis < 0 || millis >= Date.MILLIS_PER_DAY) {
            throw new DataException("Time value " + millis + " ms is not within 1970-01-01 UTC: a Time must not have "
                    + "a date part; keep only the milliseconds of the day or use the Timestamp logical type");
        }
        return (int) millis;
    }

    /**
     * Converts milliseconds since midnight to a time of day.
     *
     * @param schema a Time schema, not null
     * @param value milliseconds since midnight, 0 to 86,399,999
     * @return a new date on 1970-01-01 UTC
     * @throws DataException if the schema is not a Time schema or the value is out of range
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        Date.checkSchema(schema, LOGICAL_NAME, "Time");
        if (value < 0 || value >= Date.MILLIS_PER_DAY) {
            throw new DataException("Time value " + value + " ms is out of range: it must be at least 0 and less than "
                    + Date.MILLIS_PER_DAY);
        }
        return new java.util.Date(value);
    }
}
