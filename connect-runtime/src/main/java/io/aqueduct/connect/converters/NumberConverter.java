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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Base of the key, value and header converters that store one number in Kafka's fixed-size big-endian
 * format, through kafka-clients' own serializers, so that plain Kafka producers and consumers share the
 * data. Writing ignores the schema and needs a value of exactly the converter's Java class (or null);
 * reading yields the converter's optional schema with the number, or null for null bytes.
 *
 * @param <T> the Java class of the numbers
 */
public abstract class NumberConverter<T extends Number> implements Converter, HeaderConverter {

    private final String typeName;
    private final Schema schema;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;
    private volatile ConverterType type = ConverterType.VALUE;

    /**
     * @param typeName     a name of the number type for messages, for example "integer"
     * @param schema       the (optional) schema of the values read
     * @param serializer   writes one number
     * @param deserializer reads one number, rejecting input of the wrong size
     */
    protected NumberConverter(String typeName, Schema schema, Serializer<T> serializer, Deserializer<T> deserializer) {
        this.typeName = typeName;
        this.schema = schema;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public ConfigDef config() {
        return NumberConverterConfig.configDef();
    }

    /**
     * @throws org.apache.kafka.common.config.ConfigException if {@value ConverterConfig#TYPE_CONFIG} is
     *         missing or invalid
     */
    @Override
    public void configure(Map<String, ?> configs) {
        NumberConverterConfig config = new NumberConverterConfig(configs);
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
        return serialize(topic, value, Subject.data(type, topic));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return deserialize(topic, value, Subject.data(type, topic));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return serialize(topic, value, Subject.header(headerKey, topic));
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return deserialize(topic, value, Subject.header(headerKey, topic));
    }

    @SuppressWarnings("unchecked")
    private byte[] serialize(String topic, Object value, String subject) {
        try {
            // The serializer's bridge method checks the class: a wrong one surfaces as ClassCastException.
            return serializer.serialize(topic, (T) value);
        } catch (ClassCastException e) {
            throw new DataException("Cannot write " + subject + " with " + getClass().getSimpleName() + ": it"
                + " needs a " + schema.type() + " (" + typeName + ") value, but the value is a "
                + value.getClass().getName() + "; convert it first or use a converter for that type", e);
        } catch (SerializationException e) {
            throw new DataException("Cannot write " + subject + " as a " + typeName + ": " + e.getMessage(), e);
        }
    }

    private SchemaAndValue deserialize(String topic, byte[] value, String subject) {
        try {
            return new SchemaAndValue(schema, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Cannot read " + subject + " as a " + typeName + " with "
                + getClass().getSimpleName() + ": " + e.getMessage()
                + "; the topic holds data in another format, so use the converter it was written with", e);
        }
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
