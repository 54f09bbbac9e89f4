package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * Stores INT64 values as Kafka's LongSerializer does; reads them with {@link Schema#OPTIONAL_INT64_SCHEMA}.
 * See {@link NumberConverter}.
 */
public class LongConverter extends NumberConverter<Long> {

    /** Creates the converter; the runtime configures it before use. */
    public LongConverter() {
        super("64-bit integer", Schema.OPTIONAL_INT64_SCHEMA, new LongSerializer(), new LongDeserializer());
    }
}
