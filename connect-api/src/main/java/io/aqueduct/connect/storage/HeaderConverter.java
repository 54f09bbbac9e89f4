package io.aqueduct.connect.storage;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import java.io.Closeable;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Turns header values into the bytes stored in Kafka record headers and back. The runtime creates one
 * instance per connector task, through the public no-argument constructor, and calls
 * {@link #configure(java.util.Map)} with the {@code header.converter.} properties (prefix removed) and
 * {@value ConverterConfig#TYPE_CONFIG} set to {@code header}.
 *
 * <p>An instance is used by the one task thread that owns it and needs no synchronization; it runs
 * once per header, so it must not block. The runtime calls {@link #close()} when the task stops.
 */
public interface HeaderConverter extends Configurable, Closeable {

    /**
     * Deserializes one header value.
     *
     * @param topic     the topic the record came from; never null
     * @param headerKey the header's key; never null
     * @param value     the header's bytes; may be null
     * @return the schema and value; never null, but may hold a null schema and value
     * @throws io.aqueduct.connect.errors.DataException if the bytes cannot be deserialized
     */
    SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value);

    /**
     * Serializes one header value.
     *
     * @param topic     the topic the record goes to; never null
     * @param headerKey the header's key; never null
     * @param schema    the schema of {@code value}; may be null
     * @param value     the value; may be null
     * @return the bytes; may be null
     * @throws io.aqueduct.connect.errors.DataException if the value cannot be serialized
     */
    byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value);

    /**
     * The configuration this converter accepts. May be called on an instance that was never configured.
     *
     * @return the definition; never null
     */
    ConfigDef config();
}
