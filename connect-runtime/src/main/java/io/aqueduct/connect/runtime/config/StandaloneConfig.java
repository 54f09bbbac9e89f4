package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.nio.file.Path;
import java.util.Map;

/** Worker settings of standalone mode: the common keys plus where source offsets are kept. */
public final class StandaloneConfig extends WorkerConfig {

    public static final String OFFSET_STORAGE_FILE_FILENAME_CONFIG = "offset.storage.file.filename";

    private static final ConfigDef CONFIG = baseConfigDef()
            .define(OFFSET_STORAGE_FILE_FILENAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The file where source connectors' offsets are stored (JSON, replaced atomically on every commit).");

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public StandaloneConfig(Map<String, String> props) {
        super(CONFIG, props);
    }

    public Path offsetsFile() {
        return Path.of(getString(OFFSET_STORAGE_FILE_FILENAME_CONFIG));
    }
}
