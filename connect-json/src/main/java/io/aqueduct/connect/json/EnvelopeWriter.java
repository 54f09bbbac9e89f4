package io.aqueduct.connect.json;

import static io.aqueduct.connect.json.JsonSchemaFields.ENVELOPE_PAYLOAD;
import static io.aqueduct.connect.json.JsonSchemaFields.ENVELOPE_SCHEMA;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.DataException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes records as JSON bytes, streaming: the envelope's schema is copied from a cached, already
 * serialized form and the payload is generated straight into the output buffer.
 */
final class EnvelopeWriter {

    private static final int FIRST_BUFFER_SIZE = 256;

    private final JsonFactory factory = ConverterMapper.MAPPER.getFactory();
    private final boolean schemasEnabled;
    private final PayloadWriter payloadWriter;
    private final SchemaJsonWriter schemaWriter;
    private final LruCache<Schema, SerializedString> schemaCache;

    EnvelopeWriter(JsonConverterConfig config) {
        this.schemasEnabled = config.schemasEnabled();
        this.payloadWriter = new PayloadWriter(config.decimalFormat(), config.replaceNullWithDefault());
        this.schemaWriter = new SchemaJsonWriter(payloadWriter);
        this.schemaCache = new LruCache<>(config.schemaCacheSize());
    }

    /**
     * @return the JSON bytes, or null for a null value without schema (a tombstone)
     * @throws IOException never in practice, since the output is in memory
     * @throws PathedDataException if the value does not fit the schema
     */
    byte[] write(Schema schema, Object value) throws IOException {
        if (schema == null && value == null) {
            return null;
        }
        ByteArrayBuilder out = new ByteArrayBuilder(FIRST_BUFFER_SIZE);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            if (schemasEnabled) {
                gen.writeStartObject();
                gen.writeFieldName(ENVELOPE_SCHEMA);
                if (schema == null) {
                    gen.writeNull();
                } else {
                    gen.writeRawValue(serializedSchema(schema));
                }
                gen.writeFieldName(ENVELOPE_PAYLOAD);
                payloadWriter.write(gen, schema, value);
                gen.writeEndObject();
            } else {
                payloadWriter.write(gen, schema, value);
            }
        }
        return out.toByteArray();
    }

    /** The schema's JSON, cached per schema (by equality) since records of a stream share few schemas. */
    private SerializableString serializedSchema(Schema schema) throws IOException {
        SerializedString cached = schemaCache.get(schema);
        if (cached == null) {
            StringWriter text = new StringWriter();
            try (JsonGenerator gen = factory.createGenerator(text)) {
                try {
                    schemaWriter.write(gen, schema);
                } catch (DataException e) {
                    throw PathedDataException.of(e).inside("(schema)");
                }
            }
            cached = new SerializedString(text.toString());
            schemaCache.put(schema, cached);
        }
        return cached;
    }

    /** The schema as a JSON tree, for callers that want to inspect or embed it. */
    ObjectNode schemaTree(Schema schema) {
        try {
            return (ObjectNode) ConverterMapper.MAPPER.readTree(serializedSchema(schema).getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("Re-reading a schema this converter wrote failed", e);
        }
    }

    int cachedSchemas() {
        return schemaCache.size();
    }
}
