package io.aqueduct.connect.storage;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.header.Headers;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Turns record keys or values into the bytes stored in Kafka and back. The runtime creates one
 * instance per use (key or value) per connector task, through the public no-argument constructor, and
 * calls {@link #configure(Map, boolean)} before anything else.
 *
 * <p>An instance is used by the one task thread that owns it, so it needs no synchronization of its
 * own; it must not block, since it runs once per record. The runtime calls {@link #close()} when the
 * task stops.
 *
 * <p>Failures to convert are reported with {@link io.aqueduct.connect.errors.DataException}, whose
 * message should name the topic and what is wrong; the runtime handles them according to
 * {@code errors.tolerance}.
 */
public interface Converter extends Closeable {

    /**
     * Configures this instance. Called once, before any conversion.
     *
     * @param configs the converter's properties, without the {@code key.converter.} or
     *                {@code value.converter.} prefix; never null
     * @param isKey   true if this instance converts keys, false for values
     */
    void configure(Map<String, ?> configs, boolean isKey);

    /**
     * Serializes a key or value.
     *
     * @param topic  the topic the record goes to; never null
     * @param schema the schema of {@code value}; may be null for schemaless data
     * @param value  the value; may be null
     * @return the bytes; null represents a null key or value
     * @throws io.aqueduct.connect.errors.DataException if the value cannot be serialized
     */
    byte[] fromConnectData(String topic, Schema schema, Object value);

    /**
     * Serializes a key or value with access to the record's headers, which a converter may read or
     * add to (for example to record a schema id). The runtime calls this variant; the default ignores
     * the headers and calls {@link #fromConnectData(String, Schema, Object)}.
     *
     * @param topic   the topic the record goes to; never null
     * @param headers the record's headers; never null, modifiable
     * @param schema  the schema of {@code value}; may be null
     * @param value   the value; may be null
     * @return the bytes; null represents a null key or value
     * @throws io.aqueduct.connect.errors.DataException if the value cannot be serialized
     */
    default byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    /**
     * Deserializes a key or value.
     *
     * @param topic the topic the record came from; never null
     * @param value the bytes; may be null
     * @return the schema and value; never null. Use {@link SchemaAndValue#NULL} or an optional schema
     *         with a null value for null input
     * @throws io.aqueduct.connect.errors.DataException if the bytes cannot be deserialized
     */
    SchemaAndValue toConnectData(String topic, byte[] value);

    /**
     * Deserializes a key or value with access to the record's headers. The runtime calls this variant;
     * the default ignores the headers and calls {@link #toConnectData(String, byte[])}.
     *
     * @param topic   the topic the record came from; never null
     * @param headers the record's headers, as consumed; never null
     * @param value   the bytes; may be null
     * @return the schema and value; never null
     * @throws io.aqueduct.connect.errors.DataException if the bytes cannot be deserialized
     */
    default SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        return toConnectData(topic, value);
    }

    /**
     * The configuration this converter accepts, used to validate and document connector
     * configurations. May be called on an instance that was never configured.
     *
     * @return the definition; never null. The default is empty
     */
    default ConfigDef config() {
        return new ConfigDef();
    }

    /**
     * Releases the converter's resources. Called once when the owning task stops. The default does
     * nothing.
     *
     * @throws IOException if releasing fails; the runtime logs it and goes on
     */
    @Override
    default void close() throws IOException {
        // Most converters hold nothing that needs releasing.
    }
}
