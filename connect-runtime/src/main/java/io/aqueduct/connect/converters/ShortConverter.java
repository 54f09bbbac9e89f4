package io.aqueduct.connect.converters;

import io.aqueduct.connect.data.Schema;
import org.apache.kafka.common.serialization.ShortDeserializer;
import org.apache.kafka.common.serialization.ShortSerializer;

/**
 * Stores INT16 values as Kafka's ShortSerializer does; reads them with {@link Schema#OPTIONAL_INT16_SCHEMA}.
 * See {@link NumberConverter}.
 */
public class ShortConverter extends NumberConverter<Short> {

    /** Creates the converter; the runtime configures it before use. */
    public ShortConverter() {
        super("16-bit integer", Schema.OPTIONAL_INT16_SCHEMA, new ShortSerializer(), new ShortDeserializer());
    }
}
