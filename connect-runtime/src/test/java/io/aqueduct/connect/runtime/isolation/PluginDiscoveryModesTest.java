package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.aqueduct.connect.runtime.isolation.PluginFixtures.widgetSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginDiscoveryModesTest {

    private static final String LISTED = "com.acme.listed.ListedWidget";
    private static final String UNLISTED = "com.acme.unlisted.UnlistedWidget";

    private static Path pluginPath;

    @BeforeAll
    static void buildPluginsWithAndWithoutManifest() {
        pluginPath = PluginFixtures.freshDir("modes");
        PluginFixtures.plugin(widgetSource(LISTED, "listed"))
                .service(TestWidget.KIND, LISTED)
                .writeJar(pluginPath.resolve("listed.jar"));
        PluginFixtures.plugin(widgetSource(UNLISTED, "unlisted"),
                        "package com.acme.unlisted; public abstract class AbstractWidget"
                                + " implements io.aqueduct.connect.runtime.isolation.TestWidget { }",
                        "package com.acme.unlisted; class HiddenWidget"
                                + " implements io.aqueduct.connect.runtime.isolation.TestWidget {"
                                + " public String describe() { return \"\"; } }",
                        "package com.acme.unlisted; public class NeedsArgsWidget"
                                + " implements io.aqueduct.connect.runtime.isolation.TestWidget {"
                                + " public NeedsArgsWidget(String s) { } public String describe() { return s(); }"
                                + " private static String s() { return \"\"; } }")
                .writeJar(pluginPath.resolve("unlisted.jar"));
    }

    @Test
    void serviceLoadFindsOnlyPluginsWithAManifest() {
        try (Plugins plugins = discover(PluginDiscovery.SERVICE_LOAD, TestWidget.KIND)) {
            assertEquals(List.of(LISTED), classNames(plugins, TestWidget.KIND));
            ConnectException unknown = assertThrows(ConnectException.class,
                    () -> plugins.pluginClass(TestWidget.KIND, UNLISTED));
            assertTrue(unknown.getMessage().contains(LISTED), unknown.getMessage());
        }
    }

    @Test
    void onlyScanFindsEveryConcretePublicPluginWithANoArgConstructor() {
        try (Plugins plugins = discover(PluginDiscovery.ONLY_SCAN, TestWidget.KIND)) {
            assertEquals(List.of(LISTED, UNLISTED), classNames(plugins, TestWidget.KIND));
            assertEquals(List.of(), plugins.withoutManifest());
        }
    }

    @Test
    void hybridWarnFindsBothAndReportsTheMissingManifest() {
        try (Plugins plugins = discover(PluginDiscovery.HYBRID_WARN, TestWidget.KIND)) {
            assertEquals(List.of(LISTED, UNLISTED), classNames(plugins, TestWidget.KIND));
            assertEquals(List.of(UNLISTED), plugins.withoutManifest().stream().map(DiscoveredPlugin::className).toList());
            assertEquals("unlisted", plugins.newPlugin(TestWidget.KIND, "Unlisted", TestWidget.class).describe());
        }
    }

    @Test
    void hybridFailRefusesToStartAndNamesThePluginWithoutManifest() {
        ConnectException failure = assertThrows(ConnectException.class,
                () -> discover(PluginDiscovery.HYBRID_FAIL, TestWidget.KIND));

        String message = failure.getMessage();
        assertTrue(message.contains(UNLISTED), message);
        assertTrue(message.contains(pluginPath.resolve("unlisted.jar").toAbsolutePath().toString()), message);
        assertTrue(message.contains("META-INF/services/" + TestWidget.class.getName()), message);
        assertTrue(message.contains("plugin.discovery=hybrid_fail"), message);
        assertFalse(message.contains(LISTED), message);
    }

    @Test
    void classPathPluginsAreFoundThroughManifestsInEveryMode() {
        for (PluginDiscovery mode : List.of(PluginDiscovery.SERVICE_LOAD, PluginDiscovery.ONLY_SCAN,
                PluginDiscovery.HYBRID_WARN)) {
            try (Plugins plugins = discover(mode, TestGadget.KIND)) {
                assertTrue(classNames(plugins, TestGadget.KIND).contains(ListedGadget.class.getName()), mode.name());
                assertEquals(PluginLocation.CLASS_PATH, plugins.plugins(TestGadget.KIND).get(0).location());
            }
        }
    }

    @Test
    void classPathIsScannedForOwnClassesOutsideServiceLoad() {
        try (Plugins serviceLoad = discover(PluginDiscovery.SERVICE_LOAD, TestGadget.KIND);
             Plugins hybrid = discover(PluginDiscovery.HYBRID_WARN, TestGadget.KIND)) {
            assertEquals(List.of(ListedGadget.class.getName()), classNames(serviceLoad, TestGadget.KIND));
            assertEquals(List.of(ListedGadget.class.getName(), UnlistedGadget.class.getName()),
                    classNames(hybrid, TestGadget.KIND));
            assertEquals(List.of(UnlistedGadget.class.getName()),
                    hybrid.withoutManifest().stream().map(DiscoveredPlugin::className).toList());
        }
    }

    @Test
    void hybridFailAlsoChecksTheWorkersOwnClasses() {
        ConnectException failure = assertThrows(ConnectException.class,
                () -> discover(PluginDiscovery.HYBRID_FAIL, TestGadget.KIND));

        assertTrue(failure.getMessage().contains(UnlistedGadget.class.getName() + " (gadget) in classpath"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(ListedGadget.class.getName()), failure.getMessage());
    }

    @Test
    void undiscoveredClassPathPluginCanStillBeNamedByFullClassName() {
        try (Plugins plugins = discover(PluginDiscovery.SERVICE_LOAD, TestGadget.KIND)) {
            assertEquals(UnlistedGadget.class, plugins.pluginClass(TestGadget.KIND, UnlistedGadget.class.getName()));
            assertThrows(ConnectException.class, () -> plugins.pluginClass(TestGadget.KIND, "UnlistedGadget"));
            assertThrows(ConnectException.class, () -> plugins.pluginClass(TestGadget.KIND, String.class.getName()));
        }
    }

    @Test
    void kindWhoseBaseTypeIsMissingIsSkipped() {
        PluginKind missing = new PluginKind("com.example.NoSuchApi", "nothing", "");
        try (Plugins plugins = discover(PluginDiscovery.HYBRID_WARN, missing, TestWidget.KIND)) {
            assertEquals(java.util.Set.of(TestWidget.KIND), plugins.kinds());
            assertEquals(List.of(), plugins.plugins(missing));
            assertThrows(ConnectException.class, () -> plugins.pluginClass(missing, "Anything"));
        }
    }

    @Test
    void workerConfigurationSelectsPathModeAndTheStandardKinds() {
        StandaloneConfig config = new StandaloneConfig(Map.of(
                StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, "/tmp/offsets.json",
                WorkerConfig.PLUGIN_PATH_CONFIG, pluginPath.toString(),
                WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load"));

        try (Plugins plugins = Plugins.discover(config)) {
            assertTrue(plugins.kinds().contains(PluginKind.CONFIG_PROVIDER), plugins.kinds().toString());
            assertFalse(plugins.kinds().contains(TestWidget.KIND));
            assertTrue(classNames(plugins, PluginKind.CONFIG_PROVIDER)
                    .contains("org.apache.kafka.common.config.provider.FileConfigProvider"));
        }
    }

    private static Plugins discover(PluginDiscovery mode, PluginKind... kinds) {
        return Plugins.discover(List.of(pluginPath.toString()), mode, List.of(kinds));
    }

    static List<String> classNames(Plugins plugins, PluginKind kind) {
        return plugins.plugins(kind).stream().map(PluginDesc::className).toList();
    }
}
