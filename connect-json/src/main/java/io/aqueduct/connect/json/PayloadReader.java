package io.aqueduct.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Field;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.data.Time;
import io.aqueduct.connect.data.Timestamp;
import io.aqueduct.connect.errors.DataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON payload tree into a Connect value. With a schema the JSON must have the matching type;
 * without one the type is inferred: integers become Long, other numbers Double, objects Map and arrays
 * List.
 */
final class PayloadReader {

    private static final int SHOWN_JSON_CHARS = 60;
    private static final int MAX_RESCALE_DIGITS = 1000;

    private final boolean replaceNullWithDefault;

    PayloadReader(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /**
     * Reads one value.
     *
     * @param schema the value's schema, or null for schemaless data
     * @param node   the JSON, or null where a struct field is absent
     * @throws PathedDataException if the JSON does not fit the schema
     */
    Object read(Schema schema, JsonNode node) {
        if (schema == null) {
            return readSchemaless(node);
        }
        if (node == null || node.isNull()) {
            if (replaceNullWithDefault && schema.defaultValue() != null) {
                return schema.defaultValue();
            }
            if (schema.isOptional()) {
                return null;
            }
            throw new PathedDataException((node == null ? "missing" : "null") + " value for a required "
                + PayloadWriter.describe(schema) + " schema without default");
        }
        return switch (LogicalType.of(schema)) {
            case DECIMAL -> readDecimal(schema, node);
            case DATE -> Date.toLogical(schema, readInt(schema, node));
            case TIME -> Time.toLogical(schema, readInt(schema, node));
            case TIMESTAMP -> Timestamp.toLogical(schema, readLong(schema, node));
            case NONE -> readTyped(schema, node);
        };
    }

    private Object readTyped(Schema schema, JsonNode node) {
        return switch (schema.type()) {
            case INT8 -> (byte) readInRange(schema, node, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case INT16 -> (short) readInRange(schema, node, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> readInt(schema, node);
            case INT64 -> readLong(schema, node);
            case FLOAT32 -> (float) readFloating(schema, node);
            case FLOAT64 -> readFloating(schema, node);
            case BOOLEAN -> {
                require(node.isBoolean(), "true or false", schema, node);
                yield node.booleanValue();
            }
            case STRING -> {
                require(node.isTextual(), "a string", schema, node);
                yield node.textValue();
            }
            case BYTES -> readBytes(schema, node);
            case ARRAY -> readArray(schema.valueSchema(), schema, node);
            case MAP -> readMap(schema, node);
            case STRUCT -> readStruct(schema, node);
        };
    }

    private static int readInt(Schema schema, JsonNode node) {
        return (int) readInRange(schema, node, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static long readLong(Schema schema, JsonNode node) {
        require(node.isIntegralNumber(), "an integer", schema, node);
        require(node.canConvertToLong(), "an integer within the 64-bit range", schema, node);
        return node.longValue();
    }

    private static long readInRange(Schema schema, JsonNode node, long min, long max) {
        long value = readLong(schema, node);
        require(value >= min && value <= max, "an integer from " + min + " to " + max, schema, node);
        return value;
    }

    /** Numbers, plus the strings Jackson writes for the non-finite values. */
    private static double readFloating(Schema schema, JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw mismatch("a number", schema, node);
    }

    private static byte[] readBytes(Schema schema, JsonNode node) {
        require(node.isTextual() || node.isBinary(), "a Base64 string", schema, node);
        try {
            return node.binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new PathedDataException("the " + PayloadWriter.describe(schema) + " schema needs a Base64 string, but "
                + brief(node) + " is not valid Base64: " + e.getMessage(), e);
        }
    }

    /** Accepts both forms whatever decimal.format says: a JSON number, or Base64 of the unscaled bytes. */
    private static BigDecimal readDecimal(Schema schema, JsonNode node) {
        if (node.isNumber()) {
            int scale = Decimal.scale(schema);
            BigDecimal number = node.decimalValue();
            if (Math.abs((long) number.scale() - scale) > MAX_RESCALE_DIGITS) {
                // Rescaling 1e999999999 would build a billion-digit number: refuse instead of exhausting memory.
                throw new PathedDataException("the decimal " + brief(node) + " is too far from the schema's scale "
                    + scale + " to be represented");
            }
            try {
                return number.setScale(scale);
            } catch (ArithmeticException e) {
                throw new PathedDataException("the decimal " + node.decimalValue() + " has more digits after the"
                    + " point than the schema's scale " + scale + "; round it before writing", e);
            }
        }
        return Decimal.toLogical(schema, readBytes(schema, node));
    }

    private List<Object> readArray(Schema elementSchema, Schema schema, JsonNode node) {
        require(node.isArray(), "an array", schema, node);
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            try {
                list.add(read(elementSchema, node.get(i)));
            } catch (DataException e) {
                throw PathedDataException.of(e).insideElement(i);
            }
        }
        return list;
    }

    private Map<Object, Object> readMap(Schema schema, JsonNode node) {
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        Map<Object, Object> map = new LinkedHashMap<>();
        if (keySchema.type() == Schema.Type.STRING) {
            require(node.isObject(), "an object", schema, node);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                try {
                    map.put(entry.getKey(), read(valueSchema, entry.getValue()));
                } catch (DataException e) {
                    throw PathedDataException.of(e).inside(entry.getKey());
                }
            }
        } else {
            require(node.isArray(), "an array of [key, value] pairs (its keys are not strings)", schema, node);
            for (int i = 0; i < node.size(); i++) {
                JsonNode pair = node.get(i);
                try {
                    if (!pair.isArray() || pair.size() != 2) {
                        throw new PathedDataException("a map entry must be a [key, value] array, but got " + brief(pair));
                    }
                    map.put(read(keySchema, pair.get(0)), read(valueSchema, pair.get(1)));
                } catch (DataException e) {
                    throw PathedDataException.of(e).insideElement(i);
                }
            }
        }
        return map;
    }

    private Struct readStruct(Schema schema, JsonNode node) {
        require(node.isObject(), "an object", schema, node);
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
            try {
                struct.put(field, read(field.schema(), node.get(field.name())));
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(field.name());
            }
        }
        return struct;
    }

    /** Reads JSON without schema, choosing the Java type from the JSON type. */
    Object readSchemaless(JsonNode node) {
        if (node == null) {
            return null;
        }
        switch (node.getNodeType()) {
            case NULL:
            case MISSING:
                return null;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return node.textValue();
            case BINARY:
                return readBytes(null, node);
            case NUMBER:
                if (!node.isIntegralNumber()) {
                    return node.doubleValue();
                }
                if (!node.canConvertToLong()) {
                    throw new PathedDataException("the integer " + node.asText() + " does not fit the 64-bit range of"
                        + " schemaless integers (INT64); give the data a schema with a Decimal, or write it as a string");
                }
                return node.longValue();
            case ARRAY:
                return readArray(null, null, node);
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    try {
                        map.put(entry.getKey(), readSchemaless(entry.getValue()));
                    } catch (DataException e) {
                        throw PathedDataException.of(e).inside(entry.getKey());
                    }
                }
                return map;
            default:
                throw new PathedDataException("unsupported JSON node " + node.getNodeType());
        }
    }

    private static void require(boolean condition, String expected, Schema schema, JsonNode node) {
        if (!condition) {
            throw mismatch(expected, schema, node);
        }
    }

    private static PathedDataException mismatch(String expected, Schema schema, JsonNode node) {
        return new PathedDataException("the " + PayloadWriter.describe(schema) + " schema needs " + expected
            + " in the JSON, but got " + brief(node));
    }

    /** A short rendering of a JSON node for error messages. */
    static String brief(JsonNode node) {
        String text = node.toString();
        if (text.length() > SHOWN_JSON_CHARS) {
            text = text.substring(0, SHOWN_JSON_CHARS) + "...";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + text;
    }
}
