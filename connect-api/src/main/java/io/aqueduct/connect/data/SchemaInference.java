package io.aqueduct.connect.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds schemas for values that arrive without one: for Java objects ({@link Values#inferSchema}) and
 * for the elements of parsed arrays and maps, where numbers of different widths are widened to a common
 * type.
 */
final class SchemaInference {

    private SchemaInference() {
    }

    /** The schema of a Java value, or null if it cannot be told from the value alone. */
    static Schema infer(Object value) {
        if (value instanceof String) {
            return Schema.STRING_SCHEMA;
        } else if (value instanceof Boolean) {
            return Schema.BOOLEAN_SCHEMA;
        } else if (value instanceof Byte) {
            return Schema.INT8_SCHEMA;
        } else if (value instanceof Short) {
            return Schema.INT16_SCHEMA;
        } else if (value instanceof Integer) {
            return Schema.INT32_SCHEMA;
        } else if (value instanceof Long) {
            return Schema.INT64_SCHEMA;
        } else if (value instanceof Float) {
            return Schema.FLOAT32_SCHEMA;
        } else if (value instanceof Double) {
            return Schema.FLOAT64_SCHEMA;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.BYTES_SCHEMA;
        } else if (value instanceof java.math.BigDecimal) {
            return Decimal.schema(((java.math.BigDecimal) value).scale());
        } else if (value instanceof Struct) {
            return ((Struct) value).schema();
        } else if (value instanceof List) {
            Schema elementSchema = sameSchema(((List<?>) value).iterator());
            return elementSchema == null ? null : SchemaBuilder.array(elementSchema).build();
        } else if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            Schema keySchema = sameSchema(map.keySet().iterator());
            Schema valueSchema = keySchema == null ? null : sameSchema(map.values().iterator());
            return valueSchema == null ? null : SchemaBuilder.map(keySchema, valueSchema).build();
        }
        return null;
    }

    /** The one schema all non-null values share, optional if there are nulls; null if none or several. */
    private static Schema sameSchema(Iterator<?> values) {
        Schema common = null;
        boolean sawNull = false;
        while (values.hasNext()) {
            Object value = values.next();
            if (value == null) {
                sawNull = true;
                continue;
            }
            Schema schema = infer(value);
            if (schema == null || (common != null && !common.equals(schema))) {
                return null;
            }
            common = schema;
        }
        return common == null || !sawNull ? common : optional(common);
    }

    /** A parsed array: elements widened to a common schema, or a schemaless list if there is none. */
    static SchemaAndValue array(List<SchemaAndValue> elements) {
        Schema elementSchema = commonSchema(elements);
        List<Object> values = new ArrayList<>(elements.size());
        for (SchemaAndValue element : elements) {
            values.add(coerce(element, elementSchema));
        }
        return new SchemaAndValue(elementSchema == null ? null : SchemaBuilder.array(elementSchema).build(), values);
    }

    /** A parsed map: keys and values widened to common schemas, or a schemaless map if there are none. */
    static SchemaAndValue map(List<SchemaAndValue> keys, List<SchemaAndValue> values) {
        Schema keySchema = commonSchema(keys);
        Schema valueSchema = keySchema == null ? null : commonSchema(values);
        if (valueSchema == null) {
            keySchema = null;
        }
        Map<Object, Object> map = new LinkedHashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            map.put(coerce(keys.get(i), keySchema), coerce(values.get(i), valueSchema));
        }
        return new SchemaAndValue(keySchema == null ? null : SchemaBuilder.map(keySchema, valueSchema).build(), map);
    }

    private static Schema commonSchema(List<SchemaAndValue> elements) {
        Schema common = null;
        boolean sawNull = false;
        for (SchemaAndValue element : elements) {
            if (element.value() == null) {
                sawNull = true;
                continue;
            }
            Schema schema = element.schema();
            if (schema == null) {
                return null;
            }
            if (common == null || common.equals(schema)) {
                common = schema;
            } else {
                common = widerNumber(common, schema);
                if (common == null) {
                    return null;
                }
            }
        }
        return common == null || !sawNull ? common : optional(common);
    }

    /** The plain numeric type both schemas widen to; mixing integers and floats gives FLOAT64. */
    private static Schema widerNumber(Schema a, Schema b) {
        if (a.name() != null || b.name() != null || !isNumber(a.type()) || !isNumber(b.type())) {
            return null;
        }
        boolean aFloat = isFloat(a.type());
        boolean bFloat = isFloat(b.type());
        if (aFloat != bFloat) {
            return Schema.FLOAT64_SCHEMA;
        }
        return a.type().ordinal() >= b.type().ordinal() ? a : b;
    }

    private static boolean isNumber(Schema.Type type) {
        return type.ordinal() <= Schema.Type.FLOAT64.ordinal();
    }

    private static boolean isFloat(Schema.Type type) {
        return type == Schema.Type.FLOAT32 || type == Schema.Type.FLOAT64;
    }

    private static Object coerce(SchemaAndValue element, Schema target) {
        Object value = element.value();
        if (target == null || value == null || element.schema().type() == target.type()) {
            return value;
        }
        Number number = (Number) value;
        switch (target.type()) {
            case INT16:
                return number.shortValue();
            case INT32:
                return number.intValue();
            case INT64:
                return number.longValue();
            case FLOAT32:
                return number.floatValue();
            default:
                return number.doubleValue();
        }
    }

    /** The same schema, but optional. */
    static Schema optional(Schema schema) {
        if (schema.isOptional()) {
            return schema;
        }
        Schema.Type type = schema.type();
        return new ConnectSchema(type, true, schema.defaultValue(), schema.name(), schema.version(), schema.doc(),
                schema.parameters(), type == Schema.Type.STRUCT ? schema.fields() : null,
                type == Schema.Type.MAP ? schema.keySchema() : null,
                type == Schema.Type.MAP || type == Schema.Type.ARRAY ? schema.valueSchema() : null);
    }
}
