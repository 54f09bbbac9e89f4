package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.errors.SchemaBuilderException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fluent builder of {@link Schema}s; {@link #build()} returns an immutable {@link ConnectSchema}.
 *
 * <pre>{@code
 * Schema person = SchemaBuilder.struct().name("com.example.Person").version(2)
 *     .field("id", Schema.INT64_SCHEMA)
 *     .field("email", Schema.OPTIONAL_STRING_SCHEMA)
 *     .build();
 * }</pre>
 *
 * <p>Each property may be set once. Setting it again to the same value is accepted; setting it to a
 * different value, calling both {@link #optional()} and {@link #required()}, adding a field twice,
 * adding a field to a non-struct, or giving a default value that does not fit the schema throws a
 * {@link SchemaBuilderException} that names the setting and both values. {@link #parameter(String, String)}
 * is the exception: a later value for the same key replaces the earlier one.
 *
 * <p>A builder is a {@link Schema} too, so it can be passed where a schema is expected, but it is
 * mutable and not thread-safe: build it before sharing it. Schemas that are not yet built are never
 * {@code equals} to a {@link ConnectSchema}.
 */
public class SchemaBuilder implements Schema {

    private final Type type;
    private Boolean optional;
    private Object defaultValue;
    private boolean defaultValueSet;
    private String name;
    private Integer version;
    private String doc;
    private Map<String, String> parameters;
    private final Map<String, Field> fields;
    private Schema keySchema;
    private Schema valueSchema;

    /**
     * Starts a builder for a schema of a type. For ARRAY and MAP prefer {@link #array(Schema)} and
     * {@link #map(Schema, Schema)}, which also set the element schemas.
     *
     * @param type the physical type, not null
     */
    public SchemaBuilder(Type type) {
        this.type = Objects.requireNonNull(type, "schema type must not be null");
        this.fields = type == Type.STRUCT ? new LinkedHashMap<>() : null;
    }

    // --- factories -------------------------------------------------------------------------------

    /**
     * A builder for a schema of any type.
     *
     * @param type the physical type, not null
     * @return a new builder
     */
    public static SchemaBuilder type(Type type) {
        return new SchemaBuilder(type);
    }

    /** @return a new {@link Type#INT8} builder */
    public static SchemaBuilder int8() {
        return new SchemaBuilder(Type.INT8);
    }

    /** @return a new {@link Type#INT16} builder */
    public static SchemaBuilder int16() {
        return new SchemaBuilder(Type.INT16);
    }

    /** @return a new {@link Type#INT32} builder */
    public static SchemaBuilder int32() {
        return new SchemaBuilder(Type.INT32);
    }

    /** @return a new {@link Type#INT64} builder */
    public static SchemaBuilder int64() {
        return new SchemaBuilder(Type.INT64);
    }

    /** @return a new {@link Type#FLOAT32} builder */
    public static SchemaBuilder float32() {
        return new SchemaBuilder(Type.FLOAT32);
    }

    /** @return a new {@link Type#FLOAT64} builder */
    public static SchemaBuilder float64() {
        return new SchemaBuilder(Type.FLOAT64);
    }

    /** @return a new {@link Type#BOOLEAN} builder */
    public static SchemaBuilder bool() {
        return new SchemaBuilder(Type.BOOLEAN);
    }

    /** @return a new {@link Type#STRING} builder */
    public static SchemaBuilder string() {
        return new SchemaBuilder(Type.STRING);
    }

    /** @return a new {@link Type#BYTES} builder */
    public static SchemaBuilder bytes() {
        return new SchemaBuilder(Type.BYTES);
    }

    /** @return a new {@link Type#STRUCT} builder without fields */
    public static SchemaBuilder struct() {
        return new SchemaBuilder(Type.STRUCT);
    }

    /**
     * A builder for an array.
     *
     * @param valueSchema the schema of the elements, not null
     * @return a new {@link Type#ARRAY} builder
     * @throws SchemaBuilderException if valueSchema is null
     */
    public static SchemaBuilder array(Schema valueSchema) {
        if (valueSchema == null) {
            throw new SchemaBuilderException("Cannot build an array without an element schema: valueSchema is null");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.ARRAY);
        builder.valueSchema = valueSchema;
        return builder;
    }

    /**
     * A builder for a map.
     *
     * @param keySchema the schema of the keys, not null
     * @param valueSchema the schema of the values, not null
     * @return a new {@link Type#MAP} builder
     * @throws SchemaBuilderException if either schema is null
     */
    public static SchemaBuilder map(Schema keySchema, Schema valueSchema) {
        if (keySchema == null) {
            throw new SchemaBuilderException("Cannot build a map without a key schema: keySchema is null");
        }
        if (valueSchema == null) {
            throw new SchemaBuilderException("Cannot build a map without a value schema: valueSchema is null");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.MAP);
        builder.keySchema = keySchema;
        builder.valueSchema = valueSchema;
        return builder;
    }

    // --- settings --------------------------------------------------------------------------------

    /**
     * Makes null a valid value.
     *
     * @return this builder
     * @throws SchemaBuilderException if {@link #required()} was called before
     */
    public SchemaBuilder optional() {
        checkCanSet("optional", optional, Boolean.TRUE);
        optional = Boolean.TRUE;
        return this;
    }

    /**
     * Makes null an invalid value; this is also the default when neither this nor {@link #optional()} is called.
     *
     * @return this builder
     * @throws SchemaBuilderException if {@link #optional()} was called before
     */
    public SchemaBuilder required() {
        checkCanSet("optional", optional, Boolean.FALSE);
        optional = Boolean.FALSE;
        return this;
    }

    /**
     * Sets the default value, which must be valid for the schema as configured so far.
     *
     * @param value the default, of the schema's Java class
     * @return this builder
     * @throws SchemaBuilderException if a different default was set before, or the value does not fit
     *     the schema
     */
    public SchemaBuilder defaultValue(Object value) {
        if (defaultValueSet && !Objects.deepEquals(defaultValue, value)) {
            throw conflict("defaultValue", ValueText.describe(defaultValue), ValueText.describe(value));
        }
        try {
            ConnectSchema.validateValue(this, value);
        } catch (DataException e) {
            throw new SchemaBuilderException("Invalid defaultValue " + ValueText.brief(value) + " for the "
                    + type + " schema: " + e.getMessage(), e);
        }
        defaultValue = value;
        defaultValueSet = true;
        return this;
    }

    /**
     * Sets the fully qualified name.
     *
     * @param name the name, for example {@code com.example.Person}
     * @return this builder
     * @throws SchemaBuilderException if a different name was set before
     */
    public SchemaBuilder name(String name) {
        checkCanSet("name", this.name, name);
        this.name = name;
        return this;
    }

    /**
     * Sets the version; newer versions of a named schema have larger numbers.
     *
     * @param version the version
     * @return this builder
     * @throws SchemaBuilderException if a different version was set before
     */
    public SchemaBuilder version(Integer version) {
        checkCanSet("version", this.version, version);
        this.version = version;
        return this;
    }

    /**
     * Sets the documentation.
     *
     * @param doc the documentation
     * @return this builder
     * @throws SchemaBuilderException if a different doc was set before
     */
    public SchemaBuilder doc(String doc) {
        checkCanSet("doc", this.doc, doc);
        this.doc = doc;
        return this;
    }

    /**
     * Sets one parameter, replacing an earlier value of the same key.
     *
     * @param propertyName the key, not null
     * @param propertyValue the value, not null
     * @return this builder
     * @throws SchemaBuilderException if the key or value is null
     */
    public SchemaBuilder parameter(String propertyName, String propertyValue) {
        if (propertyName == null || propertyValue == null) {
            throw new SchemaBuilderException("Cannot set parameter " + propertyName + "=" + propertyValue
                    + ": parameter names and values must not be null");
        }
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
        }
        parameters.put(propertyName, propertyValue);
        return this;
    }

    /**
     * Sets several parameters, replacing earlier values of the same keys.
     *
     * @param props the parameters, not null and without null keys or values
     * @return this builder
     * @throws SchemaBuilderException if a key or value is null
     */
    public SchemaBuilder parameters(Map<String, String> props) {
        for (Map.Entry<String, String> entry : props.entrySet()) {
            parameter(entry.getKey(), entry.getValue());
        }
        return this;
    }

    /**
     * Appends a field to a struct; its index is the number of fields added before it.
     *
     * @param fieldName the field name, not null or empty, unique within the struct
     * @param fieldSchema the field's schema, not null
     * @return this builder
     * @throws SchemaBuilderException if this is not a STRUCT builder, the name is null, empty or already
     *     used, or the schema is null
     */
    public SchemaBuilder field(String fieldName, Schema fieldSchema) {
        if (type != Type.STRUCT) {
            throw new SchemaBuilderException("Cannot add field '" + fieldName + "' to a " + type
                    + " schema: only STRUCT schemas have fields");
        }
        if (fieldName == null || fieldName.isEmpty()) {
            throw new SchemaBuilderException("Cannot add a field with a " + (fieldName == null ? "null" : "empty")
                    + " name: field names must be non-empty");
        }
        if (fieldSchema == null) {
            throw new SchemaBuilderException("Cannot add field '" + fieldName + "' without a schema: fieldSchema is null");
        }
        if (fields.containsKey(fieldName)) {
            throw new SchemaBuilderException("Cannot add field '" + fieldName
                    + "' twice: the struct already has a field of that name");
        }
        fields.put(fieldName, new Field(fieldName, fields.size(), fieldSchema));
        return this;
    }

    // --- Schema ----------------------------------------------------------------------------------

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional != null && optional;
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

    /** @return an unmodifiable view of the parameters set so far, or null if none was set */
    @Override
    public Map<String, String> parameters() {
        return parameters == null ? null : Collections.unmodifiableMap(parameters);
    }

    /** @return a snapshot of the fields added so far */
    @Override
    public List<Field> fields() {
        if (fields == null) {
            throw new DataException("Cannot list fields of a " + type + " schema: only STRUCT schemas have fields");
        }
        return Collections.unmodifiableList(new ArrayList<>(fields.values()));
    }

    @Override
    public Field field(String fieldName) {
        if (fields == null) {
            throw new DataException("Cannot look up field '" + fieldName + "' in a " + type
                    + " schema: only STRUCT schemas have fields");
        }
        return fields.get(fieldName);
    }

    /** @return the key schema, or null unless this is a MAP builder */
    @Override
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the value schema, or null unless this is an ARRAY or MAP builder */
    @Override
    public Schema valueSchema() {
        return valueSchema;
    }

    /**
     * Builds the schema configured so far; the same as {@link #build()}.
     *
     * @return a new immutable schema
     */
    @Override
    public Schema schema() {
        return build();
    }

    /**
     * Creates the immutable schema. Later changes to this builder do not affect it; the builder may be
     * built again.
     *
     * @return a new {@link ConnectSchema}
     */
    public Schema build() {
        return new ConnectSchema(type, isOptional(), defaultValue, name, version, doc, parameters,
                fields == null ? null : new ArrayList<>(fields.values()), keySchema, valueSchema);
    }

    private static void checkCanSet(String setting, Object current, Object requested) {
        if (current != null && !current.equals(requested)) {
            throw conflict(setting, current, requested);
        }
    }

    private static SchemaBuilderException conflict(String setting, Object current, Object requested) {
        return new SchemaBuilderException("Cannot set " + setting + " to " + requested + ": it is already set to "
                + current + "; each schema property can be set only once");
    }
}
