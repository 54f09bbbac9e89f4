package io.aqueduct.connect.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a key, value or header: its {@link Type}, whether it may be null, an optional default,
 * and, for the logical types, a name and parameters that give the underlying type a meaning
 * ({@link Decimal}, {@link Date}, {@link Time}, {@link Timestamp}).
 *
 * <p>Every schema that a connector, converter or transformation receives from the runtime is an immutable
 * {@link ConnectSchema}, safe to share between threads and to cache. A {@link SchemaBuilder} also
 * implements this interface while it is being configured; it is mutable and must not be shared until
 * {@link SchemaBuilder#build()} turns it into a {@link ConnectSchema}.
 *
 * <p>The Java class that represents a value of each type:
 * <table>
 *   <caption>Java representation of each schema type</caption>
 *   <tr><th>type</th><th>Java class</th><th>logical types</th></tr>
 *   <tr><td>INT8</td><td>{@link Byte}</td><td></td></tr>
 *   <tr><td>INT16</td><td>{@link Short}</td><td></td></tr>
 *   <tr><td>INT32</td><td>{@link Integer}</td><td>{@link Date}, {@link Time}: {@link java.util.Date}</td></tr>
 *   <tr><td>INT64</td><td>{@link Long}</td><td>{@link Timestamp}: {@link java.util.Date}</td></tr>
 *   <tr><td>FLOAT32</td><td>{@link Float}</td><td></td></tr>
 *   <tr><td>FLOAT64</td><td>{@link Double}</td><td></td></tr>
 *   <tr><td>BOOLEAN</td><td>{@link Boolean}</td><td></td></tr>
 *   <tr><td>STRING</td><td>{@link String}</td><td></td></tr>
 *   <tr><td>BYTES</td><td>{@code byte[]} or {@link java.nio.ByteBuffer}</td>
 *       <td>{@link Decimal}: {@link java.math.BigDecimal}</td></tr>
 *   <tr><td>ARRAY</td><td>{@link List}</td><td></td></tr>
 *   <tr><td>MAP</td><td>{@link Map}</td><td></td></tr>
 *   <tr><td>STRUCT</td><td>{@link Struct}</td><td></td></tr>
 * </table>
 */
public interface Schema {

    /**
     * The physical type of a schema. A logical type (a schema with a well-known {@link #name()}) always
     * has one of these as its physical type.
     */
    enum Type {
        /** 8-bit signed integer, {@link Byte}. */
        INT8,
        /** 16-bit signed integer, {@link Short}. */
        INT16,
        /** 32-bit signed integer, {@link Integer}. */
        INT32,
        /** 64-bit signed integer, {@link Long}. */
        INT64,
        /** IEEE 754 single precision float, {@link Float}. */
        FLOAT32,
        /** IEEE 754 double precision float, {@link Double}. */
        FLOAT64,
        /** {@link Boolean}. */
        BOOLEAN,
        /** Unicode character string, {@link String}. */
        STRING,
        /** Arbitrary bytes, {@code byte[]} or {@link java.nio.ByteBuffer}. */
        BYTES,
        /** Ordered list of values that share the {@link Schema#valueSchema()}. */
        ARRAY,
        /** Map from keys of {@link Schema#keySchema()} to values of {@link Schema#valueSchema()}. */
        MAP,
        /** Record with a fixed, ordered list of named {@link Schema#fields()}. */
        STRUCT;

        private final String lowerCaseName = name().toLowerCase(Locale.ROOT);

        /**
         * The lower-case name of this type, for example {@code "int8"} or {@code "float64"}. Serialization
         * formats may use other names (the JSON converter writes {@code "float"} and {@code "double"}
         * for the float types).
         *
         * @return the lower-case enum name, never null
         */
        public String getName() {
            return lowerCaseName;
        }

        /**
         * Whether this type holds a single value rather than other values.
         *
         * @return true for every type except {@link #ARRAY}, {@link #MAP} and {@link #STRUCT}
         */
        public boolean isPrimitive() {
            return this != ARRAY && this != MAP && this != STRUCT;
        }
    }

    /** Required {@link Type#INT8}. */
    Schema INT8_SCHEMA = new ConnectSchema(Type.INT8);
    /** Required {@link Type#INT16}. */
    Schema INT16_SCHEMA = new ConnectSchema(Type.INT16);
    /** Required {@link Type#INT32}. */
    Schema INT32_SCHEMA = new ConnectSchema(Type.INT32);
    /** Required {@link Type#INT64}. */
    Schema INT64_SCHEMA = new ConnectSchema(Type.INT64);
    /** Required {@link Type#FLOAT32}. */
    Schema FLOAT32_SCHEMA = new ConnectSchema(Type.FLOAT32);
    /** Required {@link Type#FLOAT64}. */
    Schema FLOAT64_SCHEMA = new ConnectSchema(Type.FLOAT64);
    /** Required {@link Type#BOOLEAN}. */
    Schema BOOLEAN_SCHEMA = new ConnectSchema(Type.BOOLEAN);
    /** Required {@link Type#STRING}. */
    Schema STRING_SCHEMA = new ConnectSchema(Type.STRING);
    /** Required {@link Type#BYTES}. */
    Schema BYTES_SCHEMA = new ConnectSchema(Type.BYTES);

    /** Optional {@link Type#INT8}. */
    Schema OPTIONAL_INT8_SCHEMA = new ConnectSchema(Type.INT8, true, null, null, null, null);
    /** Optional {@link Type#INT16}. */
    Schema OPTIONAL_INT16_SCHEMA = new ConnectSchema(Type.INT16, true, null, null, null, null);
    /** Optional {@link Type#INT32}. */
    Schema OPTIONAL_INT32_SCHEMA = new ConnectSchema(Type.INT32, true, null, null, null, null);
    /** Optional {@link Type#INT64}. */
    Schema OPTIONAL_INT64_SCHEMA = new ConnectSchema(Type.INT64, true, null, null, null, null);
    /** Optional {@link Type#FLOAT32}. */
    Schema OPTIONAL_FLOAT32_SCHEMA = new ConnectSchema(Type.FLOAT32, true, null, null, null, null);
    /** Optional {@link Type#FLOAT64}. */
    Schema OPTIONAL_FLOAT64_SCHEMA = new ConnectSchema(Type.FLOAT64, true, null, null, null, null);
    /** Optional {@link Type#BOOLEAN}. */
    Schema OPTIONAL_BOOLEAN_SCHEMA = new ConnectSchema(Type.BOOLEAN, true, null, null, null, null);
    /** Optional {@link Type#STRING}. */
    Schema OPTIONAL_STRING_SCHEMA = new ConnectSchema(Type.STRING, true, null, null, null, null);
    /** Optional {@link Type#BYTES}. */
    Schema OPTIONAL_BYTES_SCHEMA = new ConnectSchema(Type.BYTES, true, null, null, null, null);

    /**
     * The physical type.
     *
     * @return never null
     */
    Type type();

    /**
     * Whether null is a valid value. When a value is null and the schema has a {@link #defaultValue()},
     * readers such as {@link Struct#get(String)} substitute the default.
     *
     * @return true if the value may be null
     */
    boolean isOptional();

    /**
     * The value to use when none is given, of this schema's Java class.
     *
     * @return the default, or null if there is none
     */
    Object defaultValue();

    /**
     * The fully qualified name of this schema; for logical types the logical type's identifier, such as
     * {@value Decimal#LOGICAL_NAME}.
     *
     * @return the name, or null for an anonymous schema
     */
    String name();

    /**
     * The version of this named schema, newer versions having larger numbers.
     *
     * @return the version, or null if unversioned
     */
    Integer version();

    /**
     * Human-readable documentation.
     *
     * @return the documentation, or null
     */
    String doc();

    /**
     * Extra properties, such as the {@code scale} of a {@link Decimal}. Read-only.
     *
     * @return an unmodifiable map, or null if no parameter was ever set
     */
    Map<String, String> parameters();

    /**
     * The schema of the keys of a map.
     *
     * @return the key schema of a {@link Type#MAP}
     * @throws io.aqueduct.connect.errors.DataException if this is a {@link ConnectSchema} of another type
     *     (a {@link SchemaBuilder} returns null instead)
     */
    Schema keySchema();

    /**
     * The schema of the elements of an array or of the values of a map.
     *
     * @return the value schema of a {@link Type#ARRAY} or {@link Type#MAP}
     * @throws io.aqueduct.connect.errors.DataException if this is a {@link ConnectSchema} of another type
     *     (a {@link SchemaBuilder} returns null instead)
     */
    Schema valueSchema();

    /**
     * The fields of a struct, in declaration order; each field's {@link Field#index()} is its position.
     *
     * @return an unmodifiable list, empty for a struct without fields
     * @throws io.aqueduct.connect.errors.DataException if the type is not {@link Type#STRUCT}
     */
    List<Field> fields();

    /**
     * Looks up a struct field by name.
     *
     * @param fieldName the field name
     * @return the field, or null if the struct has no field of that name
     * @throws io.aqueduct.connect.errors.DataException if the type is not {@link Type#STRUCT}
     */
    Field field(String fieldName);

    /**
     * An immutable schema equal to this one: this schema itself if it already is one, the result of
     * {@link SchemaBuilder#build()} for a builder.
     *
     * @return never null
     */
    Schema schema();
}
