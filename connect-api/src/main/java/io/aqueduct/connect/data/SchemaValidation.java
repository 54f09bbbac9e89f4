package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Checks values against schemas. The common case (a valid primitive) is decided without allocating;
 * paths for error messages are only built for values that need a recursive check.
 */
final class SchemaValidation {

    private SchemaValidation() {
    }

    /**
     * @param path the field path for messages ("address.street", "tags[2]"), or null for a top-level value
     */
    static void validate(Schema schema, Object value, String path) {
        if (schema == null) {
            throw new DataException("Cannot validate " + subject(path) + ": the schema is null");
        }
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("Invalid " + subject(path) + ": null is not allowed by the required "
                        + describe(schema) + " schema; give a value or make the schema optional");
            }
            return;
        }
        switch (schema.type()) {
            case ARRAY:
                validateArray(schema, value, path);
                return;
            case MAP:
                validateMap(schema, value, path);
                return;
            case STRUCT:
                validateStruct(schema, value, path);
                return;
            default:
                if (!isValidPrimitive(schema, value)) {
                    throw typeMismatch(schema, value, path);
                }
        }
    }

    /** True if the value is a non-null primitive of the right class, or null for an optional schema. */
    private static boolean isValidLeaf(Schema schema, Object value) {
        if (schema == null) {
            return false;
        }
        if (value == null) {
            return schema.isOptional();
        }
        return schema.type().isPrimitive() && isValidPrimitive(schema, value);
    }

    private static boolean isValidPrimitive(Schema schema, Object value) {
        String name = schema.name();
        if (name != null) {
            Class<?> logicalClass = logicalClass(name);
            if (logicalClass != null) {
                return logicalClass.isInstance(value);
            }
        }
        switch (schema.type()) {
            case INT8:
                return value instanceof Byte;
            case INT16:
                return value instanceof Short;
            case INT32:
                return value instanceof Integer;
            case INT64:
                return value instanceof Long;
            case FLOAT32:
                return value instanceof Float;
            case FLOAT64:
                return value instanceof Double;
            case BOOLEAN:
                return value instanceof Boolean;
            case STRING:
                return value instanceof String;
            case BYTES:
                return value instanceof byte[] || value instanceof ByteBuffer;
            default:
                return false;
        }
    }

    static Class<?> logicalClass(String schemaName) {
        switch (schemaName) {
            case Decimal.LOGICAL_NAME:
                return BigDecimal.class;
            case Date.LOGICAL_NAME:
            case Time.LOGICAL_NAME:
            case Timestamp.LOGICAL_NAME:
                return java.util.Date.class;
            default:
                return null;
        }
    }

    private static void validateArray(Schema schema, Object value, String path) {
        if (!(value instanceof List)) {
            throw typeMismatch(schema, value, path);
        }
        Schema elementSchema = schema.valueSchema();
        if (elementSchema == null) {
            return;
        }
        int i = 0;
        for (Object element : (List<?>) value) {
            if (!isValidLeaf(elementSchema, element)) {
                validate(elementSchema, element, (path == null ? "" : path) + "[" + i + "]");
            }
            i++;
        }
    }

    private static void validateMap(Schema schema, Object value, String path) {
        if (!(value instanceof Map)) {
            throw typeMismatch(schema, value, path);
        }
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            Object key = entry.getKey();
            if (keySchema != null && !isValidLeaf(keySchema, key)) {
                validate(keySchema, key, (path == null ? "" : path) + "[key " + key + "]");
            }
            if (valueSchema != null && !isValidLeaf(valueSchema, entry.getValue())) {
                validate(valueSchema, entry.getValue(), (path == null ? "" : path) + "[" + key + "]");
            }
        }
    }

    private static void validateStruct(Schema schema, Object value, String path) {
        if (!(value instanceof Struct)) {
            throw typeMismatch(schema, value, path);
        }
        Struct struct = (Struct) value;
        if (!struct.schema().equals(schema)) {
            throw new DataException("Invalid " + subject(path) + ": the struct has schema "
                    + struct.schema() + " but " + describe(schema)
                    + " is expected; create the struct with the field's own schema");
        }
        struct.validate(path);
    }

    private static DataException typeMismatch(Schema schema, Object value, String path) {
        return new DataException("Invalid " + subject(path) + ": the " + describe(schema)
                + " schema needs a " + expectedClass(schema) + " but got " + ValueText.brief(value));
    }

    private static String expectedClass(Schema schema) {
        if (schema.name() != null) {
            Class<?> logicalClass = logicalClass(schema.name());
            if (logicalClass != null) {
                return logicalClass.getName();
            }
        }
        switch (schema.type()) {
            case INT8: return "java.lang.Byte";
            case INT16: return "java.lang.Short";
            case INT32: return "java.lang.Integer";
            case INT64: return "java.lang.Long";
            case FLOAT32: return "java.lang.Float";
            case FLOAT64: return "java.lang.Double";
            case BOOLEAN: return "java.lang.Boolean";
            case STRING: return "java.lang.String";
            case BYTES: return "byte[] or java.nio.ByteBuffer";
            case ARRAY: return "java.util.List";
            case MAP: return "java.util.Map";
            default: return Struct.class.getName();
        }
    }

    private static String describe(Schema schema) {
        return schema.name() == null ? schema.type().toString() : schema.type() + " (" + schema.name() + ")";
    }

    private static String subject(String path) {
        return path == null ? "value" : "value of field \"" + path + "\"";
    }
}
