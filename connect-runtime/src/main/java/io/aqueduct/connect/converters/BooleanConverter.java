package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.ConverterConfig;
import io.aqueduct.connect.storage.ConverterType;
import io.aqueduct.connect.storage.HeaderConverter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BooleanDeserializer;
import org.apache.kafka.common.serialization.BooleanSerializer;

/**
 * A key, value and header converter for booleans stored as one byte, 1 for true and 0 for false, as
 * Kafka's BooleanSerializer writes them. Writing accepts a BOOLEAN schema or none and a Boolean or null
 * value; reading yields {@link Schema#OPTIONAL_BOOLEAN_SCHEMA}, rejecting anything but a single 0 or 1 byte.
 */
public class BooleanConverter implements Converter, HeaderConverter {

    private final BooleanSerializer serializer = new BooleanSerializer();
    private final BooleanDeserializer deserializer = new BooleanDeserializer();
    private volatile ConverterType type = ConverterType.VALUE;

    /** Creates the converter; the runtime configures it before use. */
    public BooleanConverter() {
    }

    @Override
    public ConfigDef config() {
        return BooleanConverterConfig.configDef();
    }

    /**
     * @throws org.apache.kafka.common.config.ConfigException if {@value ConverterConfig#TYPE_CONFIG} is
     *         missing or invalid
     */
    @Override
    public void configure(Map<String, ?> configs) {
        BooleanConverterConfig config = new BooleanConverterConfig(configs);
        type = config.type();
        boolean isKey = type == ConverterType.KEY;
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return serialize(topic, schema, value, Subject.data(type, topic));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return deserialize(topic, value, Subject.data(type, topic));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return serialize(topic, schema, value, Subject.header(headerKey, topic));
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return deserialize(topic, value, Subject.header(headerKey, topic));
    }

    private byte[] serialize(String topic, Schema schema, Object value, String subject) {
        if (schema != null && schema.type() != Schema.Type.BOOLEAN) {
            throw new DataException("Cannot write " + subject + " with BooleanConverter: its schema type is "
                + schema.type() + ", but this converter only handles BOOLEAN; use a converter for that type");
        }
        if (value != null && !(value instanceof Boolean)) {
            throw new DataException("Cannot write " + subject + " with BooleanConverter: it needs a Boolean value,"
                + " but the value is a " + value.getClass().getName() + "; convert it first or use another converter");
        }
        return serializer.serialize(topic, (Boolean) value);
    }

    private SchemaAndValue deserialize(String topic, byte[] value, String subject) {
        try {
            return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Cannot read " + subject + " with BooleanConverter: " + e.getMessage()
                + "; it expects exactly one byte, 0 or 1", e);
        }
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
