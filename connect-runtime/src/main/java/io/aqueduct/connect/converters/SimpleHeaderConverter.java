package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.Values;
import io.aqueduct.connect.storage.HeaderConverter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The default header converter: header values are stored as UTF-8 text, as
 * {@link Values#convertToString(Schema, Object)} renders them, and read back with
 * {@link Values#parseString(String)}, which infers the schema from the text. Numbers therefore come back
 * in the smallest type that holds them (a written INT32 42 reads as INT8 42), and lists and maps with
 * their elements' common type; text that parses as nothing else is a STRING, so reading never fails.
 * Null is stored as null. It has no settings and is thread-safe.
 */
public class SimpleHeaderConverter implements HeaderConverter {

    /** Creates the converter; configuring it is optional. */
    public SimpleHeaderConverter() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // No settings.
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        return Values.parseString(new String(value, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return Values.convertToString(schema, value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
