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
 * A key, value and header converter over one kafka-clients serializer and deserializer pair, so that plain
 * Kafka producers and consumers share the data. Subclasses say which config they parse, what they accept
 * when writing and how a read failure is explained; configuring, naming the subject of a message, reading
 * and closing are the same for all.
 *
 * @param <T> the Java class the serializers handle
 */
abstract class SerdeConverter<T> implements Converter, HeaderConverter {

    private final Schema readSchema;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;
    private volatile ConverterType type = ConverterType.VALUE;

    /** @param readSchema the (optional) schema of the values read */
    SerdeConverter(Schema readSchema, Serializer<T> serializer, Deserializer<T> deserializer) {
        this.readSchema = readSchema;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** The definition of the subclass's config; both interfaces declare it. */
    @Override
    public abstract ConfigDef config();

    /** Parses {@code configs} with the subclass's config definition and returns its converter type. */
    abstract ConverterType parseType(Map<String, ?> configs);

    /** Checks {@code value} (and {@code schema}) and writes it with {@code serializer}. */
    abstract byte[] serialize(Serializer<T> serializer, String topic, Schema schema, Object value, String subject);

    /** The message of the {@link DataException} thrown when {@code subject} could not be read. */
    abstract String readFailure(String subject, SerializationException e);

    /**
     * @throws org.apache.kafka.common.config.ConfigException if {@value ConverterConfig#TYPE_CONFIG} is
     *         missing or invalid
     */
    @Override
    public void configure(Map<String, ?> configs) {
        type = parseType(configs);
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
        return serialize(serializer, topic, schema, value, Subject.data(type, topic));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return deserialize(topic, value, Subject.data(type, topic));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return serialize(serializer, topic, schema, value, Subject.header(headerKey, topic));
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return deserialize(topic, value, Subject.header(headerKey, topic));
    }

    private SchemaAndValue deserialize(String topic, byte[] value, String subject) {
        try {
            return new SchemaAndValue(readSchema, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException(readFailure(subject, e), e);
        }
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
