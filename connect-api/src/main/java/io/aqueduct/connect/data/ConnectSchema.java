package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable implementation of {@link Schema}. Instances are thread-safe and may be shared and
 * cached freely; {@link SchemaBuilder#build()} is the usual way to create one.
 *
 * <p>The static {@code validateValue} methods check that a Java value is a valid instance of a schema;
 * {@link Struct}, {@link io.aqueduct.connect.header.Headers} and the converters rely on them.
 */
public class ConnectSchema implements Schema {

    private static final Map<Class<?>, Type> SCHEMA_TYPES_BY_CLASS = new LinkedHashMap<>();

    static {
        SCHEMA_TYPES_BY_CLASS.put(Byte.class, Type.INT8);
        SCHEMA_TYPES_BY_CLASS.put(Short.class, Type.INT16);
        SCHEMA_TYPES_BY_CLASS.put(Integer.class, Type.INT32);
        SCHEMA_TYPES_BY_CLASS.put(Long.class, Type.INT64);
        SCHEMA_TYPES_BY_CLASS.put(Float.class, Type.FLOAT32);
        SCHEMA_TYPES_BY_CLASS.put(Double.class, Type.FLOAT64);
        SCHEMA_TYPES_BY_CLASS.put(Boolean.class, Type.BOOLEAN);
        SCHEMA_TYPES_BY_CLASS.put(String.class, Type.STRING);
        SCHEMA_TYPES_BY_CLASS.put(byte[].class, Type.BYTES);
        SCHEMA_TYPES_BY_CLASS.put(ByteBuffer.class, Type.BYTES);
        SCHEMA_TYPES_BY_CLASS.put(List.class, Type.ARRAY);
        SCHEMA_TYPES_BY_CLASS.put(Map.class, Type.MAP);
        SCHEMA_TYPES_BY_CLASS.put(Struct.class, Type.STRUCT);
    }

    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final String name;
    private final Integer version;
    private final String doc;
    private final Map<String, String> parameters;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Schema keySchema;
    private final Schema valueSchema;
    private int hash;

    /**
     * Creates a schema from all its parts. Prefer {@link SchemaBuilder}, which checks each setting.
     *
     * @param type the physical type, not null
     * @param optional whether null is a valid value
     * @param defaultValue the default value, or null; not validated here
     * @param name the schema name, or null
     * @param version the schema version, or null
     * @param doc the documentation, or null
     * @param parameters the parameters, or null; copied
     * @param fields the fields of a {@link Type#STRUCT} (null means none), each with its position as
     *     index; must be null for other types; copied
     * @param keySchema the key schema of a {@link Type#MAP}; must be null for other types
     * @param valueSchema the value schema of a {@link Type#ARRAY} or {@link Type#MAP}; must be null for
     *     other types
     * @throws DataException if fields, key or value schema are given for a type that has none, or the
     *     fields have duplicate names or indexes that do not match their positions
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version,
                         String doc, Map<String, String> parameters, List<Field> fields, Schema keySchema,
                         Schema valueSchema) {
        this.type = Objects.requireNonNull(type, "schema type must not be null");
        this.optional = optional;
        this.defaultValue = defaultValue;
        this.name = name;
        this.version = version;
        this.doc = doc;
        this.parameters = parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (type == Type.STRUCT) {
            this.fields = fields == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(fields));
            this.fieldsByName = indexFields(this.fields);
        } else if (fields != null) {
            throw new DataException("Cannot give fields to a schema of type " + type + ": only STRUCT schemas have fields");
        } else {
            this.fields = null;
            this.fieldsByName = null;
        }
        if (keySchema != null && type != Type.MAP) {
            throw new DataException("Cannot give a key schema to a schema of type " + type + ": only MAP schemas have one");
        }
        if (valueSchema != null && type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot give a value schema to a schema of type " + type
                    + ": only ARRAY and MAP schemas have one");
        }
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
    }

    /**
     * Creates a schema without parameters, fields, key or value schema.
     *
     * @param type the physical type, not null
     * @param optional whether null is a valid value
     * @param defaultValue the default value, or null
     * @param name the schema name, or null
     * @param version the schema version, or null
     * @param doc the documentation, or null
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc) {
        this(type, optional, defaultValue, name, version, doc, null, null, null, null);
    }

    /**
     * Creates a required, anonymous schema of a type.
     *
     * @param type the physical type, not null
     */
    public ConnectSchema(Type type) {
        this(type, false, null, null, null, null);
    }

    private static Map<String, Field> indexFields(List<Field> fields) {
        Map<String, Field> byName = new HashMap<>(fields.size() * 2);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field == null) {
                throw new DataException("Struct field at position " + i + " is null");
            }
            if (field.index() != i) {
                throw new DataException("Struct field '" + field.name() + "' has index " + field.index()
                        + " but is at position " + i + "; indexes must match positions");
            }
            if (byName.put(field.name(), field) != null) {
                throw new DataException("Struct has two fields named '" + field.name() + "'; field names must be unique");
            }
        }
        return byName;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer version() {
        return version;
    }

    @Override
    public String doc() {
        return doc;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public List<Field> fields() {
        if (fields == null) {
            throw new DataException("Cannot list fields of a " + type + " schema: only STRUCT schemas have fields");
        }
        return fields;
    }

    @Override
    public Field field(String fieldName) {
        if (fieldsByName == null) {
            throw new DataException("Cannot look up field '" + fieldName + "' in a " + type
                    + " schema: only STRUCT schemas have fields");
        }
        return fieldsByName.get(fieldName);
    }

    @Override
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Cannot get the key schema of a " + type + " schema: only MAP schemas have one");
        }
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot get the value schema of a " + type
                    + " schema: only ARRAY and MAP schemas have one");
        }
        return valueSchema;
    }

    /** Returns this schema, which is already immutable. */
    @Override
    public Schema schema() {
        return this;
    }

    /**
     * Checks that a value is a valid instance of a schema: the Java class matches the type (or the
     * logical type), a null is only given for an optional schema, array elements, map keys and values
     * are valid recursively, and a struct has exactly this schema and passes {@link Struct#validate()}.
     *
     * @param schema the schema, not null
     * @param value the value, possibly null
     * @throws DataException naming the offending path (for example {@code address.street} or
     *     {@code tags[2]}) if the value is invalid
     */
    public static void validateValue(Schema schema, Object value) {
        SchemaValidation.validate(schema, value, null);
    }

    /**
     * Like {@link #validateValue(Schema, Object)}, naming the field in error messages.
     *
     * @param field the name or path of the field being validated, or null for an anonymous value
     * @param schema the schema, not null
     * @param value the value, possibly null
     * @throws DataException naming the field path if the value is invalid
     */
    public static void validateValue(String field, Schema schema, Object value) {
        SchemaValidation.validate(schema, value, field);
    }

    /**
     * The schema type whose values are represented by a Java class, including subclasses and
     * implementations (an {@code ArrayList} maps to {@link Type#ARRAY}). Logical type classes
     * ({@link BigDecimal}, {@link java.util.Date}) have no physical type and return null.
     *
     * @param klass the Java class, not null
     * @return the type, or null if no type uses this class
     */
    public static Type schemaType(Class<?> klass) {
        Type exact = SCHEMA_TYPES_BY_CLASS.get(klass);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<Class<?>, Type> entry : SCHEMA_TYPES_BY_CLASS.entrySet()) {
            if (entry.getKey().isAssignableFrom(klass)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Two schemas are equal when every property is equal: type, optionality, default value (byte arrays
     * by content), name, version, doc, parameters, fields, key and value schemas. Only other
     * {@code ConnectSchema} instances can be equal; a {@link SchemaBuilder} never is.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectSchema that = (ConnectSchema) o;
        if (hash != 0 && that.hash != 0 && hash != that.hash) {
            return false;
        }
        return type == that.type
                && optional == that.optional
                && Objects.equals(name, that.name)
                && Objects.equals(version, that.version)
                && Objects.equals(doc, that.doc)
                && Objects.deepEquals(defaultValue, that.defaultValue)
                && Objects.equals(parameters, that.parameters)
                && Objects.equals(fields, that.fields)
                && Objects.equals(keySchema, that.keySchema)
                && Objects.equals(valueSchema, that.valueSchema);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(type, optional, name, version, doc, parameters, fields, keySchema, valueSchema);
            h = 31 * h + ValueText.deepHashCode(defaultValue);
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /**
     * Renders the schema briefly as {@code Schema{name:TYPE}}, or {@code Schema{TYPE}} when anonymous.
     */
    @Override
    public String toString() {
        return name != null ? "Schema{" + name + ":" + type + "}" : "Schema{" + type + "}";
    }
}
