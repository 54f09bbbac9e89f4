package io.aqueduct.connect.json;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Streams a Connect value as JSON straight into a generator, without building a tree. With a schema the
 * value is checked against it; without one the JSON type follows the Java class.
 */
final class PayloadWriter {

    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;

    PayloadWriter(DecimalFormat decimalFormat, boolean replaceNullWithDefault) {
        this.decimalFormat = decimalFormat;
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /**
     * Writes one value.
     *
     * @param schema the value's schema, or null for schemaless data
     * @throws PathedDataException if the value does not fit the schema or has no JSON form
     */
    void write(JsonGenerator gen, Schema schema, Object value) throws IOException {
        if (value == null) {
            if (schema == null) {
                gen.writeNull();
                return;
            }
            if (replaceNullWithDefault && schema.defaultValue() != null) {
                value = schema.defaultValue();
            } else if (schema.isOptional()) {
                gen.writeNull();
                return;
            } else {
                throw new PathedDataException("null value for a required " + describe(schema)
                    + " schema without default; make the schema optional or give the value");
            }
        }
        if (schema == null) {
            writeSchemaless(gen, value);
        } else if (schema.name() == null || !writeLogical(gen, schema, value)) {
            writeTyped(gen, schema, value);
        }
    }

    private boolean writeLogical(JsonGenerator gen, Schema schema, Object value) throws IOException {
        switch (LogicalType.of(schema)) {
            case DECIMAL -> {
                BigDecimal decimal = expect(value, BigDecimal.class, schema);
                if (decimalFormat == DecimalFormat.NUMERIC) {
                    gen.writeNumber(decimal);
                } else {
                    gen.writeBinary(Decimal.fromLogical(schema, decimal));
                }
            }
            case DATE -> gen.writeNumber(Date.fromLogical(schema, expect(value, java.util.Date.class, schema)));
            case TIME -> gen.writeNumber(Time.fromLogical(schema, expect(value, java.util.Date.class, schema)));
            case TIMESTAMP -> gen.writeNumber(Timestamp.fromLogical(schema, expect(value, java.util.Date.class, schema)));
            case NONE -> {
                return false;
            }
        }
        return true;
    }

    private void writeTyped(JsonGenerator gen, Schema schema, Object value) throws IOException {
        switch (schema.type()) {
            case INT8 -> gen.writeNumber(expect(value, Byte.class, schema));
            case INT16 -> gen.writeNumber(expect(value, Short.class, schema));
            case INT32 -> gen.writeNumber(expect(value, Integer.class, schema));
            case INT64 -> gen.writeNumber(expect(value, Long.class, schema));
            case FLOAT32 -> gen.writeNumber(expect(value, Float.class, schema));
            case FLOAT64 -> gen.writeNumber(expect(value, Double.class, schema));
            case BOOLEAN -> gen.writeBoolean(expect(value, Boolean.class, schema));
            case STRING -> gen.writeString(expect(value, String.class, schema));
            case BYTES -> writeBytes(gen, schema, value);
            case ARRAY -> writeArray(gen, schema.valueSchema(), expect(value, Collection.class, schema));
            case MAP -> writeMap(gen, schema, expect(value, Map.class, schema));
            case STRUCT -> writeStruct(gen, schema, expect(value, Struct.class, schema));
        }
    }

    private void writeBytes(JsonGenerator gen, Schema schema, Object value) throws IOException {
        if (value instanceof byte[] bytes) {
            gen.writeBinary(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            writeBuffer(gen, buffer);
        } else {
            throw mismatch(value, "byte[] or ByteBuffer", schema);
        }
    }

    private static void writeBuffer(JsonGenerator gen, ByteBuffer buffer) throws IOException {
        if (buffer.hasArray()) {
            gen.writeBinary(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            gen.writeBinary(copy);
        }
    }

    private void writeArray(JsonGenerator gen, Schema elementSchema, Collection<?> elements) throws IOException {
        gen.writeStartArray();
        int index = 0;
        for (Object element : elements) {
            try {
                write(gen, elementSchema, element);
            } catch (DataException e) {
                throw PathedDataException.of(e).insideElement(index);
            }
            index++;
        }
        gen.writeEndArray();
    }

    private void writeMap(JsonGenerator gen, Schema schema, Map<?, ?> map) throws IOException {
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        if (keySchema.type() == Schema.Type.STRING) {
            writeObjectMap(gen, keySchema, valueSchema, map);
        } else {
            writePairMap(gen, keySchema, valueSchema, map);
        }
    }

    /** String keys: a JSON object. */
    private void writeObjectMap(JsonGenerator gen, Schema keySchema, Schema valueSchema, Map<?, ?> map)
            throws IOException {
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String name)) {
                throw key == null
                    ? new PathedDataException("null map key: a JSON object cannot hold it; remove the entry")
                    : mismatch(key, "String", keySchema).inside("(map key)");
            }
            gen.writeFieldName(name);
            try {
                write(gen, valueSchema, entry.getValue());
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(name);
            }
        }
        gen.writeEndObject();
    }

    /** Other keys: an array of [key, value] pairs, since JSON object keys can only be strings. */
    private void writePairMap(JsonGenerator gen, Schema keySchema, Schema valueSchema, Map<?, ?> map)
            throws IOException {
        gen.writeStartArray();
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            try {
                gen.writeStartArray();
                write(gen, keySchema, entry.getKey());
                write(gen, valueSchema, entry.getValue());
                gen.writeEndArray();
            } catch (DataException e) {
                throw PathedDataException.of(e).insideElement(index);
            }
            index++;
        }
        gen.writeEndArray();
    }

    private void writeStruct(JsonGenerator gen, Schema schema, Struct struct) throws IOException {
        if (struct.schema() != schema && !struct.schema().equals(schema)) {
            throw new PathedDataException("the Struct's schema " + struct.schema()
                + " differs from the record's schema " + schema + "; build the Struct with the record's schema");
        }
        gen.writeStartObject();
        for (Field field : schema.fields()) {
            gen.writeFieldName(field.name());
            try {
                write(gen, field.schema(), struct.getWithoutDefault(field.name()));
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(field.name());
            }
        }
        gen.writeEndObject();
    }

    private void writeSchemaless(JsonGenerator gen, Object value) throws IOException {
        if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
            || value instanceof Byte) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            gen.writeNumber(number);
        } else if (value instanceof Float number) {
            gen.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else if (value instanceof byte[] bytes) {
            gen.writeBinary(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            writeBuffer(gen, buffer);
        } else if (value instanceof List<?> list) {
            writeArray(gen, null, list);
        } else if (value instanceof Map<?, ?> map) {
            writeSchemalessMap(gen, map);
        } else if (value instanceof Struct struct) {
            // Without a record schema the struct's own one describes it best.
            writeStruct(gen, struct.schema(), struct);
        } else {
            throw new PathedDataException("cannot write a " + value.getClass().getName()
                + " without a schema: only the Java classes of Connect's schema types have a schemaless JSON form;"
                + " give the record a schema");
        }
    }

    private void writeSchemalessMap(JsonGenerator gen, Map<?, ?> map) throws IOException {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                writePairMap(gen, null, null, map);
                return;
            }
        }
        writeObjectMap(gen, null, null, map);
    }

    private static <T> T expect(Object value, Class<T> type, Schema schema) {
        if (!type.isInstance(value)) {
            throw mismatch(value, type.getSimpleName(), schema);
        }
        return type.cast(value);
    }

    private static PathedDataException mismatch(Object value, String expected, Schema schema) {
        return new PathedDataException("the " + describe(schema) + " schema needs a value of type " + expected
            + ", but got a " + value.getClass().getName() + "; convert the value or fix the schema");
    }

    static String describe(Schema schema) {
        if (schema == null) {
            return "schemaless";
        }
        return schema.name() == null ? schema.type().toString() : schema.type() + " (" + schema.name() + ")";
    }
}
