package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;

/**
 * Stores INT32 values as Kafka's IntegerSerializer does; reads them with {@link Schema#OPTIONAL_INT32_SCHEMA}.
 * See {@link NumberConverter}.
 */
public class IntegerConverter extends NumberConverter<Integer> {

    /** Creates the converter; the runtime configures it before use. */
    public IntegerConverter() {
        super("32-bit integer", Schema.OPTIONAL_INT32_SCHEMA, new IntegerSerializer(), new IntegerDeserializer());
    }
}
