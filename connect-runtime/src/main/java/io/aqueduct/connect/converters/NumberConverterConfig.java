package io.aqueduct.connect.converters;

import io.aqueduct.connect.storage.ConverterConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/** The configuration of the {@link NumberConverter}s: only {@value ConverterConfig#TYPE_CONFIG}. */
public class NumberConverterConfig extends ConverterConfig {

    private static final ConfigDef CONFIG = newConfigDef();

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
     * @throws org.apache.kafka.common.config.ConfigException if the type is missing or invalid
     */
    public NumberConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }
}
