package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

/**
 * Logical type for a calendar date without time of day: an {@link Schema.Type#INT32} schema named
 * {@value #LOGICAL_NAME} whose value counts days since the Unix epoch (1970-01-01). The Java value is a
 * {@link java.util.Date} at midnight UTC of that day.
 *
 * <p>The name is a wire identifier shared with Apache Kafka Connect and never changes. Stateless and
 * thread-safe.
 */
public final class Date {

    /** The schema name of the logical type: {@value}. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Date";

    static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    /** A required Date schema, version 1. */
    public static final Schema SCHEMA = builder().schema();

    private Date() {
    }

    /**
     * A builder for a Date schema, for callers that want to make it optional or add a default.
     *
     * @return a new builder, version 1
     */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * Converts a date to days since the epoch.
     *
     * @param schema a Date schema, not null
     * @param value a date at midnight UTC, not null
     * @return the number of days since 1970-01-01 (negative before it)
     * @throws DataException if the schema is not a Date schema, or the value has a time of day other than
     *     midnight UTC
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        checkSchema(schema, LOGICAL_NAME, "Date");
        long millis = value.getTime();
        if (Math.floorMod(millis, MILLIS_PER_DAY) != 0) {
            throw new DataException("Date value " + millis + " ms is not at midnight UTC: a Date must not have a "
                    + "time of day; truncate it to the day or use the Timestamp logical type");
        }
        return Math.toIntExact(Math.floorDiv(millis, MILLIS_PER_DAY));
    }

    /**
     * Converts days since the epoch to a date.
     *
     * @param schema a Date schema, not null
     * @param value the number of days since 1970-01-01
     * @return a new date at midnight UTC of that day
     * @throws DataException if the schema is not a Date schema
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        checkSchema(schema, LOGICAL_NAME, "Date");
        return new java.util.Date(value * MILLIS_PER_DAY);
    }

    static void checkSchema(Schema schema, String logicalName, String typeName) {
        if (schema == null || !logicalName.equals(schema.name())) {
            throw new DataException("Schema " + schema + " is not a " + typeName + " schema: its name must be "
                    + logicalName);
        }
    }
}
