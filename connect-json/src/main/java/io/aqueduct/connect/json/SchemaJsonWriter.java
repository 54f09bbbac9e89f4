package io.aqueduct.connect.json;

import static io.aqueduct.connect.json.JsonSchemaFields.DEFAULT;
import static io.aqueduct.connect.json.JsonSchemaFields.DOC;
import static io.aqueduct.connect.json.JsonSchemaFields.FIELDS;
import static io.aqueduct.connect.json.JsonSchemaFields.FIELD_NAME;
import static io.aqueduct.connect.json.JsonSchemaFields.ITEMS;
import static io.aqueduct.connect.json.JsonSchemaFields.KEYS;
import static io.aqueduct.connect.json.JsonSchemaFields.NAME;
import static io.aqueduct.connect.json.JsonSchemaFields.OPTIONAL;
import static io.aqueduct.connect.json.JsonSchemaFields.PARAMETERS;
import static io.aqueduct.connect.json.JsonSchemaFields.TYPE;
import static io.aqueduct.connect.json.JsonSchemaFields.VALUES;
import static io.aqueduct.connect.json.JsonSchemaFields.VERSION;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aqueduct.connect.data.Field;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.DataException;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a Connect schema in the JSON schema format. The order of the members is part of the wire
 * format (readers compare bytes): type, then items / keys and values / fields, then optional, name,
 * version, doc, parameters, default, and for struct fields the field name last.
 */
final class SchemaJsonWriter {

    private final PayloadWriter defaultWriter;

    SchemaJsonWriter(PayloadWriter defaultWriter) {
        this.defaultWriter = defaultWriter;
    }

    void write(JsonGenerator gen, Schema schema) throws IOException {
        write(gen, schema, null);
    }

    private void write(JsonGenerator gen, Schema schema, String fieldName) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(TYPE, JsonSchemaFields.typeName(schema.type()));
        switch (schema.type()) {
            case ARRAY -> writeChild(gen, ITEMS, schema.valueSchema());
            case MAP -> {
                writeChild(gen, KEYS, schema.keySchema());
                writeChild(gen, VALUES, schema.valueSchema());
            }
            case STRUCT -> writeFields(gen, schema);
            default -> {
            }
        }
        gen.writeBooleanField(OPTIONAL, schema.isOptional());
        if (schema.name() != null) {
            gen.writeStringField(NAME, schema.name());
        }
        if (schema.version() != null) {
            gen.writeNumberField(VERSION, schema.version());
        }
        if (schema.doc() != null) {
            gen.writeStringField(DOC, schema.doc());
        }
        if (schema.parameters() != null) {
            gen.writeObjectFieldStart(PARAMETERS);
            for (Map.Entry<String, String> parameter : schema.parameters().entrySet()) {
                gen.writeStringField(parameter.getKey(), parameter.getValue());
            }
            gen.writeEndObject();
        }
        if (schema.defaultValue() != null) {
            gen.writeFieldName(DEFAULT);
            try {
                defaultWriter.write(gen, schema, schema.defaultValue());
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(DEFAULT);
            }
        }
        if (fieldName != null) {
            gen.writeStringField(FIELD_NAME, fieldName);
        }
        gen.writeEndObject();
    }

    private void writeChild(JsonGenerator gen, String member, Schema child) throws IOException {
        if (child == null) {
            throw new PathedDataException("the schema has no " + member + " schema");
        }
        gen.writeFieldName(member);
        try {
            write(gen, child, null);
        } catch (DataException e) {
            throw PathedDataException.of(e).inside(member);
        }
    }

    private void writeFields(JsonGenerator gen, Schema schema) throws IOException {
        gen.writeArrayFieldStart(FIELDS);
        for (Field field : schema.fields()) {
            try {
                write(gen, field.schema(), field.name());
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(field.name());
            }
        }
        gen.writeEndArray();
    }
}
