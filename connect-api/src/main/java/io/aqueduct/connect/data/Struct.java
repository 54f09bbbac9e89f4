package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record value of a {@link Schema.Type#STRUCT} schema: one slot per field of the schema.
 *
 * <p>{@link #put(String, Object)} validates each value against its field's schema at once, so a
 * wrong Java type fails where it is written. Required fields may stay unset while the struct is being
 * filled in; {@link #validate()} checks that none is missing, and the runtime validates every struct
 * it receives.
 *
 * <p>Not thread-safe: a struct is filled in by one thread and then handed over (for example inside a
 * record). Its schema is immutable.
 */
public class Struct {

    private final Schema schema;
    private final Object[] values;

    /**
     * Creates an empty struct.
     *
     * @param schema a {@link Schema.Type#STRUCT} schema, not null
     * @throws DataException if the schema is not a struct schema
     */
    public Struct(Schema schema) {
        if (schema == null || schema.type() != Schema.Type.STRUCT) {
            throw new DataException("Cannot create a Struct with schema " + schema + ": a STRUCT schema is required");
        }
        this.schema = schema;
        this.values = new Object[schema.fields().size()];
    }

    /**
     * The schema of this struct.
     *
     * @return never null
     */
    public Schema schema() {
        return schema;
    }

    /**
     * The value of a field, or the field's default value if it is unset or null.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if the schema has no such field
     */
    public Object get(String fieldName) {
        return get(lookupField(fieldName));
    }

    /**
     * The value of a field, or the field's default value if it is unset or null.
     *
     * @param field a field of this struct's schema
     * @return the value, possibly null
     * @throws DataException if the field does not belong to this struct's schema
     */
    public Object get(Field field) {
        Object value = values[checkField(field).index()];
        return value != null ? value : field.schema().defaultValue();
    }

    /**
     * The value of a field as it was put, without substituting the default.
     *
     * @param fieldName the field name
     * @return the value, or null if unset or set to null
     * @throws DataException if the schema has no such field
     */
    public Object getWithoutDefault(String fieldName) {
        return values[lookupField(fieldName).index()];
    }

    /**
     * The value of an INT8 field (default substituted as in {@link #get(String)}).
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type INT8
     */
    public Byte getInt8(String fieldName) {
        return (Byte) getChecked(fieldName, Schema.Type.INT8);
    }

    /**
     * The value of an INT16 field.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type INT16
     */
    public Short getInt16(String fieldName) {
        return (Short) getChecked(fieldName, Schema.Type.INT16);
    }

    /**
     * The value of an INT32 field that is not a logical type.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type INT32
     * @throws ClassCastException if the field is a logical type such as {@link Date}; use {@link #get(String)}
     */
    public Integer getInt32(String fieldName) {
        return (Integer) getChecked(fieldName, Schema.Type.INT32);
    }

    /**
     * The value of an INT64 field that is not a logical type.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type INT64
     * @throws ClassCastException if the field is a logical type such as {@link Timestamp}; use {@link #get(String)}
     */
    public Long getInt64(String fieldName) {
        return (Long) getChecked(fieldName, Schema.Type.INT64);
    }

    /**
     * The value of a FLOAT32 field.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type FLOAT32
     */
    public Float getFloat32(String fieldName) {
        return (Float) getChecked(fieldName, Schema.Type.FLOAT32);
    }

    /**
     * The value of a FLOAT64 field.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type FLOAT64
     */
    public Double getFloat64(String fieldName) {
        return (Double) getChecked(fieldName, Schema.Type.FLOAT64);
    }

    /**
     * The value of a BOOLEAN field.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type BOOLEAN
     */
    public Boolean getBoolean(String fieldName) {
        return (Boolean) getChecked(fieldName, Schema.Type.BOOLEAN);
    }

    /**
     * The value of a STRING field.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type STRING
     */
    public String getString(String fieldName) {
        return (String) getChecked(fieldName, Schema.Type.STRING);
    }

    /**
     * The value of a BYTES field as a byte array; a {@link ByteBuffer} value is copied into a new array.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type BYTES
     * @throws ClassCastException if the field is a {@link Decimal}; use {@link #get(String)}
     */
    public byte[] getBytes(String fieldName) {
        Object value = getChecked(fieldName, Schema.Type.BYTES);
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }

    /**
     * The value of an ARRAY field.
     *
     * @param fieldName the field name
     * @param <T> the element class the caller expects; not checked
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type ARRAY
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getArray(String fieldName) {
        return (List<T>) getChecked(fieldName, Schema.Type.ARRAY);
    }

    /**
     * The value of a MAP field.
     *
     * @param fieldName the field name
     * @param <K> the key class the caller expects; not checked
     * @param <V> the value class the caller expects; not checked
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type MAP
     */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(String fieldName) {
        return (Map<K, V>) getChecked(fieldName, Schema.Type.MAP);
    }

    /**
     * The value of a STRUCT field.
     *
     * @param fieldName the field name
     * @return the value, possibly null
     * @throws DataException if there is no such field or it is not of type STRUCT
     */
    public Struct getStruct(String fieldName) {
        return (Struct) getChecked(fieldName, Schema.Type.STRUCT);
    }

    /**
     * Sets a field after checking the value against the field's schema.
     *
     * @param fieldName the field name
     * @param value the value, of the field's Java class; null only for optional fields
     * @return this struct
     * @throws DataException if there is no such field or the value is invalid for it
     */
    public Struct put(String fieldName, Object value) {
        return put(lookupField(fieldName), value);
    }

    /**
     * Sets a field after checking the value against the field's schema.
     *
     * @param field a field of this struct's schema
     * @param value the value, of the field's Java class; null only for optional fields
     * @return this struct
     * @throws DataException if the field does not belong to this struct's schema or the value is invalid
     */
    public Struct put(Field field, Object value) {
        checkField(field);
        SchemaValidation.validate(field.schema(), value, field.name());
        values[field.index()] = value;
        return this;
    }

    /**
     * Checks that every required field without a default has a value, recursively for nested structs,
     * arrays and maps.
     *
     * @throws DataException naming the path of the first invalid field, for example {@code address.street}
     */
    public void validate() {
        validate(null);
    }

    /** Validates the fields, prefixing paths in messages with {@code path.} unless path is null. */
    void validate(String path) {
        for (Field field : schema.fields()) {
            Schema fieldSchema = field.schema();
            Object value = values[field.index()];
            if (value == null && (fieldSchema.isOptional() || fieldSchema.defaultValue() != null)) {
                continue;
            }
            SchemaValidation.validate(fieldSchema, value, path == null ? field.name() : path + "." + field.name());
        }
    }

    private Field lookupField(String fieldName) {
        Field field = schema.field(fieldName);
        if (field == null) {
            throw new DataException("Struct " + schema + " has no field named '" + fieldName + "'; its fields are "
                    + fieldNames());
        }
        return field;
    }

    private Field checkField(Field field) {
        if (field == null) {
            throw new DataException("Field must not be null");
        }
        Field own = schema.field(field.name());
        if (own != field && !field.equals(own)) {
            throw new DataException("Field " + field + " does not belong to struct " + schema + "; its fields are "
                    + fieldNames());
        }
        return own;
    }

    private Object getChecked(String fieldName, Schema.Type type) {
        Field field = lookupField(fieldName);
        if (field.schema().type() != type) {
            throw new DataException("Field '" + fieldName + "' is of type " + field.schema().type() + ", not " + type);
        }
        return get(field);
    }

    private String fieldNames() {
        StringBuilder names = new StringBuilder("[");
        for (Field field : schema.fields()) {
            if (names.length() > 1) {
                names.append(", ");
            }
            names.append(field.name());
        }
        return names.append(']').toString();
    }

    /**
     * Structs are equal when their schemas are equal and every field value is equal; byte arrays
     * compare by content.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Struct)) {
            return false;
        }
        Struct that = (Struct) o;
        return schema.equals(that.schema) && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(schema) + Arrays.deepHashCode(values);
    }

    /**
     * Renders the fields that have a value as {@code Struct{name=value,...}}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Struct{");
        boolean first = true;
        for (Field field : schema.fields()) {
            Object value = values[field.index()];
            if (value != null) {
                if (!first) {
                    sb.append(',');
                }
                sb.append(field.name()).append('=').append(ValueText.describe(value));
                first = false;
            }
        }
        return sb.append('}').toString();
    }
}
