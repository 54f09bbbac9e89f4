package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.storage.ConverterType;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BooleanDeserializer;
import org.apache.kafka.common.serialization.BooleanSerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A key, value and header converter for booleans stored as one byte, 1 for true and 0 for false, as
 * Kafka's BooleanSerializer writes them. Writing accepts a BOOLEAN schema or none and a Boolean or null
 * value; reading yields {@link Schema#OPTIONAL_BOOLEAN_SCHEMA}, rejecting anything but a single 0 or 1 byte.
 */
public class BooleanConverter extends SerdeConverter<Boolean> {

    /** Creates the converter; the runtime configures it before use. */
    public BooleanConverter() {
        super(Schema.OPTIONAL_BOOLEAN_SCHEMA, new BooleanSerializer(), new BooleanDeserializer());
    }

    @Override
    public ConfigDef config() {
        return BooleanConverterConfig.configDef();
    }

    @Override
    ConverterType parseType(Map<String, ?> configs) {
        return new BooleanConverterConfig(configs).type();
    }

    @Override
    byte[] serialize(Serializer<Boolean> serializer, String topic, Schema schema, Object value, String subject) {
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

    @Override
    String readFailure(String subject, SerializationException e) {
        return "Cannot read " + subject + " with BooleanConverter: " + e.getMessage()
            + "; it expects exactly one byte, 0 or 1";
    }
}
