package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.ConverterConfig;
import io.aqueduct.connect.storage.ConverterType;
import io.aqueduct.connect.storage.HeaderConverter;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A key, value and header converter that passes raw bytes through unchanged. Writing accepts
 * {@code byte[]} and {@link ByteBuffer} values (the buffer's remaining bytes) with a BYTES schema or
 * none; reading always yields {@link Schema#OPTIONAL_BYTES_SCHEMA} with the bytes as they are, null for
 * null. It has no settings and is thread-safe.
 */
public class ByteArrayConverter implements Converter, HeaderConverter {

    private volatile ConverterType type = ConverterType.VALUE;

    /** Creates the converter; configuring it is optional. */
    public ByteArrayConverter() {
    }

    @Override
    public ConfigDef config() {
        return ConverterConfig.newConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        type = ConverterType.withName(String.valueOf(configs.get(ConverterConfig.TYPE_CONFIG)));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        type = isKey ? ConverterType.KEY : ConverterType.VALUE;
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return toBytes(schema, value, Subject.data(type, topic));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return toBytes(schema, value, Subject.header(headerKey, topic));
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    private static byte[] toBytes(Schema schema, Object value, String subject) {
        if (schema != null && schema.type() != Schema.Type.BYTES) {
            throw new DataException("Cannot write " + subject + " with ByteArrayConverter: its schema type is "
                + schema.type() + ", but this converter only handles BYTES; use a converter for " + schema.type()
                + " data such as JsonConverter or StringConverter");
        }
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        throw new DataException("Cannot write " + subject + " with ByteArrayConverter: it passes byte[] and"
            + " ByteBuffer values through, but the value is a " + value.getClass().getName()
            + "; use a converter for that type such as JsonConverter or StringConverter");
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
