package io.aqueduct.connect.storage;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A key, value and header converter that stores everything as text.
 *
 * <p>Writing ignores the schema and stores {@link Object#toString()} of the value, encoded with the
 * configured character set; a null value is stored as null. Reading always yields
 * {@link Schema#OPTIONAL_STRING_SCHEMA} with the decoded string, or with null for null bytes. The
 * character set is set with {@value StringConverterConfig#ENCODING_CONFIG} (default UTF-8); see
 * {@link StringConverterConfig} for the per-direction overrides. Topic names and header keys play no
 * part.
 *
 * <p>An unconfigured instance uses UTF-8 in both directions. Instances are immutable after
 * configuration and may be shared between threads.
 */
public class StringConverter implements Converter, HeaderConverter {

    private volatile Charset serializerCharset = StandardCharsets.UTF_8;
    private volatile Charset deserializerCharset = StandardCharsets.UTF_8;

    /** Creates a converter that uses UTF-8 until configured otherwise. */
    public StringConverter() {
    }

    @Override
    public ConfigDef config() {
        return StringConverterConfig.configDef();
    }

    /**
     * Configures this converter from properties that include {@value ConverterConfig#TYPE_CONFIG}, as
     * the runtime passes them to header converters.
     *
     * @param configs the converter properties
     * @throws org.apache.kafka.common.config.ConfigException if {@value ConverterConfig#TYPE_CONFIG} is
     *         missing or a character set is unknown
     */
    @Override
    public void configure(Map<String, ?> configs) {
        StringConverterConfig config = new StringConverterConfig(configs);
        serializerCharset = config.serializerCharset();
        deserializerCharset = config.deserializerCharset();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return value == null ? null : value.toString().getBytes(serializerCharset);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        String text = value == null ? null : new String(value, deserializerCharset);
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, text);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
