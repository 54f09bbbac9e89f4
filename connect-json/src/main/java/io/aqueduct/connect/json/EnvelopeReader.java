package io.aqueduct.connect.json;

import static io.aqueduct.connect.json.JsonSchemaFields.ENVELOPE_PAYLOAD;
import static io.aqueduct.connect.json.JsonSchemaFields.ENVELOPE_SCHEMA;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import java.io.IOException;

/**
 * Reads records from JSON bytes. The envelope is parsed as a stream; the schema member is looked up in a
 * cache by its raw bytes, so a schema is only parsed and built the first time it is seen.
 */
final class EnvelopeReader {

    private final ObjectMapper mapper = ConverterMapper.MAPPER;
    private final JsonFactory factory = mapper.getFactory();
    private final boolean schemasEnabled;
    private final PayloadReader payloadReader;
    private final SchemaJsonReader schemaReader;
    private final LruCache<SchemaBytes, Schema> schemaCache;

    EnvelopeReader(JsonConverterConfig config) {
        this.schemasEnabled = config.schemasEnabled();
        this.payloadReader = new PayloadReader(config.replaceNullWithDefault());
        this.schemaReader = new SchemaJsonReader(payloadReader);
        this.schemaCache = new LruCache<>(config.schemaCacheSize());
    }

    /**
     * @param bytes the record's bytes; null for a tombstone
     * @throws IOException if the bytes are not well-formed JSON
     * @throws DataException if the JSON is not an envelope (when schemas are enabled) or does not fit its schema
     */
    SchemaAndValue read(byte[] bytes) throws IOException {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        try (JsonParser parser = factory.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                if (schemasEnabled) {
                    throw notAnEnvelope("the record holds no JSON at all (" + bytes.length + " bytes of whitespace)");
                }
                return SchemaAndValue.NULL;
            }
            if (!schemasEnabled) {
                JsonNode payload = mapper.readTree(parser);
                expectEnd(parser);
                return new SchemaAndValue(null, payloadReader.readSchemaless(payload));
            }
            if (first != JsonToken.START_OBJECT) {
                throw notAnEnvelope("the record is " + describe(first));
            }
            return readEnvelope(parser, bytes);
        }
    }

    private SchemaAndValue readEnvelope(JsonParser parser, byte[] bytes) throws IOException {
        Schema schema = null;
        JsonNode payload = null;
        boolean sawSchema = false;
        boolean sawPayload = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if (ENVELOPE_SCHEMA.equals(member) && !sawSchema) {
                schema = readSchema(parser, valueToken, bytes);
                sawSchema = true;
            } else if (ENVELOPE_PAYLOAD.equals(member) && !sawPayload) {
                payload = mapper.readTree(parser);
                sawPayload = true;
            } else {
                throw notAnEnvelope("the record's object has "
                    + (sawSchema && ENVELOPE_SCHEMA.equals(member) || sawPayload && ENVELOPE_PAYLOAD.equals(member)
                        ? "a second \"" + member + "\" member" : "a member \"" + member + "\""));
            }
        }
        if (!sawSchema || !sawPayload) {
            throw notAnEnvelope("the record's object has no \"" + (sawSchema ? ENVELOPE_PAYLOAD : ENVELOPE_SCHEMA)
                + "\" member");
        }
        expectEnd(parser);
        try {
            return new SchemaAndValue(schema, payloadReader.read(schema, payload));
        } catch (DataException e) {
            throw PathedDataException.of(e).inside(ENVELOPE_PAYLOAD);
        }
    }

    private Schema readSchema(JsonParser parser, JsonToken token, byte[] bytes) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new PathedDataException("the envelope's \"schema\" must be a JSON object or null, but is "
                + describe(token));
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        SchemaBytes key = SchemaBytes.view(bytes, start, end);
        Schema schema = schemaCache.get(key);
        if (schema == null) {
            try {
                schema = schemaReader.read(mapper.readTree(bytes, start, end - start));
            } catch (DataException e) {
                throw PathedDataException.of(e).inside(ENVELOPE_SCHEMA);
            }
            schemaCache.put(key.compact(), schema);
        }
        return schema;
    }

    /** Converts a schema tree, through the same cache as schemas read from records. */
    Schema readSchema(JsonNode schemaNode) throws IOException {
        if (schemaNode == null || schemaNode.isNull()) {
            return null;
        }
        byte[] bytes = mapper.writeValueAsBytes(schemaNode);
        try (JsonParser parser = factory.createParser(bytes)) {
            return readSchema(parser, parser.nextToken(), bytes);
        }
    }

    private static void expectEnd(JsonParser parser) throws IOException {
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            throw new PathedDataException("unexpected content after the JSON value: " + describe(extra)
                + " at byte " + parser.currentTokenLocation().getByteOffset()
                + "; each record must hold exactly one JSON value");
        }
    }

    private static DataException notAnEnvelope(String what) {
        return new PathedDataException("with schemas.enable=true each record must be a JSON object with exactly the"
            + " members \"schema\" and \"payload\", but " + what + ". If the topic holds plain JSON without schema"
            + " envelopes, set schemas.enable=false on this converter (for example"
            + " value.converter.schemas.enable=false)");
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "JSON null";
            default -> "the token " + token;
        };
    }

    int cachedSchemas() {
        return schemaCache.size();
    }
}
