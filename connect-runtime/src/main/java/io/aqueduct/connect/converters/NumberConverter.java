package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.storage.ConverterType;
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
public abstract class NumberConverter<T extends Number> extends SerdeConverter<T> {

    private final String typeName;
    private final Schema schema;

    /**
     * @param typeName     a name of the number type for messages, for example "integer"
     * @param schema       the (optional) schema of the values read
     * @param serializer   writes one number
     * @param deserializer reads one number, rejecting input of the wrong size
     */
    protected NumberConverter(String typeName, Schema schema, Serializer<T> serializer, Deserializer<T> deserializer) {
        super(schema, serializer, deserializer);
        this.typeName = typeName;
        this.schema = schema;
    }

    @Override
    public ConfigDef config() {
        return NumberConverterConfig.configDef();
    }

    @Override
    ConverterType parseType(Map<String, ?> configs) {
        return new NumberConverterConfig(configs).type();
    }

    /** Ignores {@code ignoredSchema}: only the value's class counts. */
    @Override
    @SuppressWarnings("unchecked")
    byte[] serialize(Serializer<T> serializer, String topic, Schema ignoredSchema, Object value, String subject) {
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

    @Override
    String readFailure(String subject, SerializationException e) {
        return "Cannot read " + subject + " as a " + typeName + " with " + getClass().getSimpleName() + ": "
            + e.getMessage() + "; the topic holds data in another format, so use the converter it was written with";
    }
}
