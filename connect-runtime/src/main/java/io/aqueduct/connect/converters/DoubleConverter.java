package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;

/**
 * Stores FLOAT64 values as Kafka's DoubleSerializer does; reads them with {@link Schema#OPTIONAL_FLOAT64_SCHEMA}.
 * See {@link NumberConverter}.
 */
public class DoubleConverter extends NumberConverter<Double> {

    /** Creates the converter; the runtime configures it before use. */
    public DoubleConverter() {
        super("64-bit floating-point number", Schema.OPTIONAL_FLOAT64_SCHEMA, new DoubleSerializer(), new DoubleDeserializer());
    }
}
