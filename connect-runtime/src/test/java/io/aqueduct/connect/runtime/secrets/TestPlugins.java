package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;

import java.util.List;

/** Plugins for config providers on the test class path only: kafka-clients' three, plus test providers by class name. */
final class TestPlugins {

    private TestPlugins() {
    }

    static Plugins classPathOnly() {
        return Plugins.discover(List.of(), PluginDiscovery.SERVICE_LOAD, List.of(PluginKind.CONFIG_PROVIDER));
    }
}
