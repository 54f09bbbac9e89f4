package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;

import java.util.List;

/** One plugin registry for the tests of this package: the class path, found by service manifests. */
final class TestPlugins {

    private static Plugins plugins;

    private TestPlugins() {
    }

    static synchronized Plugins get() {
        if (plugins == null) {
            plugins = Plugins.discover(List.of(), PluginDiscovery.SERVICE_LOAD, PluginKind.STANDARD);
        }
        return plugins;
    }
}
