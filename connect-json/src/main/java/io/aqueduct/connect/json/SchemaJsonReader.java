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

import com.fasterxml.jackson.databind.JsonNode;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.errors.DataException;
import java.util.Map;

/**
 * Builds a Connect schema from the JSON schema format. Members it does not know are ignored, as other
 * writers may add some; members it knows must have the right JSON type.
 */
final class SchemaJsonReader {

    private final PayloadReader defaultReader;

    SchemaJsonReader(PayloadReader defaultReader) {
        this.defaultReader = defaultReader;
    }

    /**
     * @param node the schema, or null / JSON null for none
     * @return the schema, or null
     * @throws PathedDataException if the JSON is not a valid schema
     */
    Schema read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new PathedDataException("a schema must be a JSON object, but got " + PayloadReader.brief(node));
        }
        String typeName = text(node, TYPE);
        if (typeName == null) {
            throw new PathedDataException("the schema has no \"" + TYPE + "\" member: " + PayloadReader.brief(node));
        }
        SchemaBuilder builder = switch (JsonSchemaFields.typeOf(typeName)) {
            case ARRAY -> SchemaBuilder.array(child(node, ITEMS));
            case MAP -> SchemaBuilder.map(child(node, KEYS), child(node, VALUES));
            case STRUCT -> readStruct(node);
            case INT8 -> SchemaBuilder.int8();
            case INT16 -> SchemaBuilder.int16();
            case INT32 -> SchemaBuilder.int32();
            case INT64 -> SchemaBuilder.int64();
            case FLOAT32 -> SchemaBuilder.float32();
            case FLOAT64 -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case STRING -> SchemaBuilder.string();
            case BYTES -> SchemaBuilder.bytes();
        };
        JsonNode optional = present(node, OPTIONAL);
        if (optional != null && !optional.isBoolean()) {
            throw wrongType(OPTIONAL, "true or false", optional);
        }
        if (optional != null && optional.booleanValue()) {
            builder.optional();
        } else {
            builder.required();
        }
        String name = text(node, NAME);
        if (name != null) {
            builder.name(name);
        }
        JsonNode version = present(node, VERSION);
        if (version != null) {
            if (!version.isIntegralNumber() || !version.canConvertToInt()) {
                throw wrongType(VERSION, "an integer", version);
            }
            builder.version(version.intValue());
        }
        String doc = text(node, DOC);
        if (doc != null) {
            builder.doc(doc);
        }
        readParameters(node, builder);
        JsonNode defaultValue = present(node, DEFAULT);
        if (defaultValue != null) {
            try {
                builder.defaultValue(defaultReader.read(builder, defaultValue));
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(DEFAULT);
            }
        }
        return builder.build();
    }

    private SchemaBuilder readStruct(JsonNode node) {
        JsonNode fields = present(node, FIELDS);
        if (fields == null) {
            throw new PathedDataException("the struct schema has no \"" + FIELDS + "\" member");
        }
        if (!fields.isArray()) {
            throw wrongType(FIELDS, "an array of field schemas", fields);
        }
        SchemaBuilder builder = SchemaBuilder.struct();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String fieldName = field.isObject() ? text(field, FIELD_NAME) : null;
            if (fieldName == null) {
                throw new PathedDataException("a struct field schema needs a \"" + FIELD_NAME + "\" string member, but got "
                    + PayloadReader.brief(field)).inside(FIELDS).insideElement(i);
            }
            try {
                builder.field(fieldName, read(field));
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(fieldName);
            }
        }
        return builder;
    }

    private void readParameters(JsonNode node, SchemaBuilder builder) {
        JsonNode parameters = present(node, PARAMETERS);
        if (parameters == null) {
            return;
        }
        if (!parameters.isObject()) {
            throw wrongType(PARAMETERS, "an object of strings", parameters);
        }
        for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
            if (!parameter.getValue().isTextual()) {
                throw wrongType(PARAMETERS + "." + parameter.getKey(), "a string", parameter.getValue());
            }
            builder.parameter(parameter.getKey(), parameter.getValue().textValue());
        }
    }

    private Schema child(JsonNode node, String member) {
        JsonNode child = present(node, member);
        if (child == null) {
            throw new PathedDataException("the " + node.get(TYPE).textValue() + " schema has no \"" + member
                + "\" member");
        }
        try {
            return read(child);
        } catch (DataException e) {
            throw PathedDataException.of(e).inside(member);
        }
    }

    /** The member, or null if it is absent or JSON null. */
    private static JsonNode present(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = present(node, member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(member, "a string", value);
        }
        return value.textValue();
    }

    private static PathedDataException wrongType(String member, String expected, JsonNode value) {
        return new PathedDataException("the schema member \"" + member + "\" must be " + expected + ", but got "
            + PayloadReader.brief(value));
    }
}
