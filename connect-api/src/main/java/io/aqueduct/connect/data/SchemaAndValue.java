package io.aqueduct.connect.data;

import java.util.Objects;

/**
 * A value together with its schema, as converters return it. Either part may be null: a null schema
 * means schemaless data, and {@link #NULL} stands for "no data at all" (a tombstone).
 *
 * <p>Immutable itself; thread-safe as long as the value is not mutated.
 */
public class SchemaAndValue {

    /** Null schema and null value. */
    public static final SchemaAndValue NULL = new SchemaAndValue(null, null);

    private final Schema schema;
    private final Object value;

    /**
     * Pairs a schema and a value. No validation takes place: callers that need it use
     * {@link ConnectSchema#validateValue(Schema, Object)}.
     *
     * @param schema the schema, or null for schemaless data
     * @param value the value, or null
     */
    public SchemaAndValue(Schema schema, Object value) {
        this.schema = schema;
        this.value = value;
    }

    /**
     * The schema.
     *
     * @return the schema, or null for schemaless data
     */
    public Schema schema() {
        return schema;
    }

    /**
     * The value.
     *
     * @return the value, possibly null
     */
    public Object value() {
        return value;
    }

    /**
     * Equal when both schemas are equal and both values are equal; byte arrays compare by content.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SchemaAndValue)) {
            return false;
        }
        SchemaAndValue that = (SchemaAndValue) o;
        return Objects.equals(schema, that.schema) && Objects.deepEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(schema) + ValueText.deepHashCode(value);
    }

    @Override
    public String toString() {
        return "SchemaAndValue{schema=" + schema + ", value=" + ValueText.describe(value) + "}";
    }
}
