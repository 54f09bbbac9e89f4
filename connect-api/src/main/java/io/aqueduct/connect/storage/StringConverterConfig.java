package io.aqueduct.connect.storage;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of {@link StringConverter}.
 *
 * <p>{@value #ENCODING_CONFIG} sets the character set for both directions. As with Kafka's
 * {@code StringSerializer} and {@code StringDeserializer}, a direction- and use-specific key overrides it:
 * {@code key.serializer.encoding} / {@code value.serializer.encoding} for writing and
 * {@code key.deserializer.encoding} / {@code value.deserializer.encoding} for reading, where the
 * {@code key.} keys apply to key converters and the {@code value.} keys to value and header converters.
 */
public class StringConverterConfig extends ConverterConfig {

    /** The key for the character set used in both directions. */
    public static final String ENCODING_CONFIG = "converter.encoding";

    /** The default character set. */
    public static final String ENCODING_DEFAULT = StandardCharsets.UTF_8.name();

    private static final String ENCODING_DOC = "The name of the Java character set used to turn strings into"
        + " bytes and back, for example UTF-8, UTF-16 or ISO-8859-1.";

    private static final ConfigDef CONFIG = newConfigDef()
        .define(ENCODING_CONFIG, ConfigDef.Type.STRING, ENCODING_DEFAULT, new CharsetValidator(),
            ConfigDef.Importance.HIGH, ENCODING_DOC, null, -1, ConfigDef.Width.MEDIUM, "Encoding");

    /**
     * The definition of all keys of this configuration.
     *
     * @return a new copy of the definition
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * Parses and validates the given properties.
     *
     * @param props the converter properties, including {@value ConverterConfig#TYPE_CONFIG}
     * @throws ConfigException if a property is missing or invalid
     */
    public StringConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }

    /**
     * The configured character set name.
     *
     * @return the value of {@value #ENCODING_CONFIG}; never null
     */
    public String encoding() {
        return getString(ENCODING_CONFIG);
    }

    /**
     * The character set for writing strings, after applying the use-specific override.
     *
     * @return the character set; never null
     * @throws ConfigException if the override names an unknown character set
     */
    Charset serializerCharset() {
        return charset(prefixFor(type()) + "serializer.encoding");
    }

    /**
     * The character set for reading strings, after applying the use-specific override.
     *
     * @return the character set; never null
     * @throws ConfigException if the override names an unknown character set
     */
    Charset deserializerCharset() {
        return charset(prefixFor(type()) + "deserializer.encoding");
    }

    private static String prefixFor(ConverterType type) {
        return type == ConverterType.KEY ? "key." : "value.";
    }

    private Charset charset(String overrideKey) {
        Object override = originals().get(overrideKey);
        if (override == null) {
            return Charset.forName(encoding());
        }
        new CharsetValidator().ensureValid(overrideKey, override);
        return Charset.forName(override.toString().trim());
    }

    private static final class CharsetValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String key, Object value) {
            if (!(value instanceof String name)) {
                throw new ConfigException(key, value, "Must be the name of a Java character set, for example UTF-8");
            }
            boolean supported;
            try {
                supported = Charset.isSupported(name.trim());
            } catch (IllegalCharsetNameException e) {
                supported = false;
            }
            if (!supported) {
                throw new ConfigException(key, value, "Unknown character set; use a name that this JVM supports,"
                    + " for example UTF-8, UTF-16 or ISO-8859-1");
            }
        }

        @Override
        public String toString() {
            return "the name of a character set supported by the JVM";
        }
    }
}
