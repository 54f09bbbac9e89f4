package io.aqueduct.connect.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aqueduct.connect.components.Versioned;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.ConverterConfig;
import io.aqueduct.connect.storage.ConverterType;
import io.aqueduct.connect.storage.HeaderConverter;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A key, value and header converter that stores data as JSON, byte-compatible with Apache Kafka
 * Connect's JsonConverter so that either runtime reads what the other wrote.
 *
 * <p>With {@value JsonConverterConfig#SCHEMAS_ENABLE_CONFIG}{@code =true} (the default) each record is an
 * envelope {@code {"schema":{...},"payload":...}}; schemaless data is written with {@code "schema":null}.
 * With {@code false} only the payload is written, and reading infers the types from the JSON: integers
 * become INT64 (Long), other numbers FLOAT64 (Double), objects maps and arrays lists, with a null schema.
 * A null value without schema becomes null bytes (a tombstone) and null bytes read as
 * {@link SchemaAndValue#NULL}.
 *
 * <p>Decimals are written as Base64 of their unscaled two's-complement bytes, or as JSON numbers with
 * {@value JsonConverterConfig#DECIMAL_FORMAT_CONFIG}{@code =NUMERIC}; both forms are read. Bytes are
 * Base64, maps whose keys are not strings are arrays of {@code [key, value]} pairs, and Date, Time and
 * Timestamp are their integer counts.
 *
 * <p>Schemas are converted once and cached in both directions (at most
 * {@value JsonConverterConfig#SCHEMAS_CACHE_SIZE_CONFIG} each, least recently used evicted). An instance
 * is thread-safe once configured. Failures are {@link DataException}s naming the topic and the place in
 * the value that is wrong.
 */
public class JsonConverter implements Converter, HeaderConverter, Versioned {

    private volatile String role = ConverterType.VALUE.getName();
    private volatile EnvelopeWriter writer;
    private volatile EnvelopeReader reader;

    /** Creates a converter with the default configuration, used until {@code configure} is called. */
    public JsonConverter() {
        install(new JsonConverterConfig(Map.of(ConverterConfig.TYPE_CONFIG, ConverterType.VALUE.getName())));
    }

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    /**
     * Configures this converter from properties that include {@value ConverterConfig#TYPE_CONFIG}, as the
     * runtime passes them to header converters.
     *
     * @throws org.apache.kafka.common.config.ConfigException if a property is missing or invalid
     */
    @Override
    public void configure(Map<String, ?> configs) {
        install(new JsonConverterConfig(configs));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    private void install(JsonConverterConfig config) {
        role = config.type().getName();
        writer = new EnvelopeWriter(config);
        reader = new EnvelopeReader(config);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return write(schema, value, role, topic);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return read(value, role, topic);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return write(schema, value, "header '" + headerKey + "'", topic);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return read(value, "header '" + headerKey + "'", topic);
    }

    /**
     * The JSON form of a Connect schema, as written into envelopes.
     *
     * @param schema the schema; may be null
     * @return a new tree the caller may modify, or null for a null schema
     * @throws DataException if the schema cannot be expressed, for example its default does not fit it
     */
    public ObjectNode asJsonSchema(Schema schema) {
        return schema == null ? null : writer.schemaTree(schema);
    }

    /**
     * The Connect schema of a JSON schema as found in envelopes.
     *
     * @param jsonSchema the JSON schema; may be null or JSON null
     * @return the schema, or null for a null input
     * @throws DataException if the JSON is not a valid schema
     */
    public Schema asConnectSchema(JsonNode jsonSchema) {
        try {
            return reader.readSchema(jsonSchema);
        } catch (IOException e) {
            throw new DataException("Cannot convert the JSON schema " + jsonSchema + ": " + e.getMessage(), e);
        }
    }

    private byte[] write(Schema schema, Object value, String what, String topic) {
        try {
            return writer.write(schema, value);
        } catch (DataException | IOException e) {
            throw new DataException("Cannot write the " + what + " of a record for topic '" + topic + "' as JSON: "
                + e.getMessage(), e);
        }
    }

    private SchemaAndValue read(byte[] value, String what, String topic) {
        try {
            return reader.read(value);
        } catch (JsonProcessingException e) {
            throw new DataException("Cannot read the " + what + " of a record from topic '" + topic
                + "': it is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
        } catch (DataException | IOException e) {
            throw new DataException("Cannot read the " + what + " of a record from topic '" + topic + "': "
                + e.getMessage(), e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** @return how many schemas are cached for writing */
    int fromConnectSchemaCacheSize() {
        return writer.cachedSchemas();
    }

    /** @return how many schemas are cached for reading */
    int toConnectSchemaCacheSize() {
        return reader.cachedSchemas();
    }

    @Override
    public void close() {
        // Caches are dropped with the instance; nothing else to release.
    }
}
