package io.aqueduct.connect.runtime.herder.testplugins;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A test sink with a group of its own, a PASSWORD key, and a validate() that adds a check spanning two keys
 * (the password is required when the URL is https).
 */
public class VaultSinkConnector extends SinkConnector {

    public static final String URL_CONFIG = "vault.url";
    public static final String PASSWORD_CONFIG = "vault.password";
    public static final String GROUP = "Vault";

    @Override
    public String version() {
        return "2.0.0";
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NoopTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(URL_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
                        "Where the vault is.", GROUP, 1, ConfigDef.Width.LONG, "Vault URL")
                .define(PASSWORD_CONFIG, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH,
                        "The vault's password.", GROUP, 2, ConfigDef.Width.MEDIUM, "Vault password");
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        String url = connectorConfigs.get(URL_CONFIG);
        if (url != null && url.startsWith("https:") && connectorConfigs.get(PASSWORD_CONFIG) == null) {
            for (ConfigValue value : config.configValues()) {
                if (value.name().equals(PASSWORD_CONFIG)) {
                    value.addErrorMessage("A password is required for an https vault URL");
                }
            }
        }
        return config;
    }

    /** Does nothing: the connector is only ever validated. */
    public static class NoopTask extends SinkTask {

        @Override
        public String version() {
            return "2.0.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void stop() {
        }
    }
}
