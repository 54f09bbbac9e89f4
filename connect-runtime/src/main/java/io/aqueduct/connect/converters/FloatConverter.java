package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import org.apache.kafka.common.serialization.FloatDeserializer;
import org.apache.kafka.common.serialization.FloatSerializer;

/**
 * Stores FLOAT32 values as Kafka's FloatSerializer does; reads them with {@link Schema#OPTIONAL_FLOAT32_SCHEMA}.
 * See {@link NumberConverter}.
 */
public class FloatConverter extends NumberConverter<Float> {

    /** Creates the converter; the runtime configures it before use. */
    public FloatConverter() {
        super("32-bit floating-point number", Schema.OPTIONAL_FLOAT32_SCHEMA, new FloatSerializer(), new FloatDeserializer());
    }
}
