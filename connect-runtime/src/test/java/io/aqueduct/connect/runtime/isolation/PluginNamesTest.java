package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.aqueduct.connect.runtime.isolation.PluginFixtures.widgetSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginNamesTest {

    private static final String FANCY_A = "com.acme.a.FancyWidget";
    private static final String FANCY_B = "com.acme.b.FancyWidget";
    private static final String PLAIN = "com.acme.plain.PlainWidget";
    private static final String VERSIONED = "com.acme.versioned.VersionedWidget";
    private static final String BUNDLED_FILE_SOURCE = "io.aqueduct.connect.file.FileStreamSourceConnector";

    private static Plugins plugins;

    @BeforeAll
    static void discover() {
        Path pluginPath = PluginFixtures.freshDir("names");
        PluginFixtures.plugin(widgetSource(FANCY_A, "a"), widgetSource(PLAIN, "plain"))
                .service(TestWidget.KIND, FANCY_A, PLAIN)
                .implementationVersion("1.2.3")
                .writeJar(pluginPath.resolve("a.jar"));
        PluginFixtures.plugin(widgetSource(FANCY_B, "b"))
                .service(TestWidget.KIND, FANCY_B)
                .writeJar(pluginPath.resolve("b.jar"));
        PluginFixtures.plugin("package com.acme.versioned; public class VersionedWidget implements"
                        + " io.aqueduct.connect.runtime.isolation.TestWidget, io.aqueduct.connect.components.Versioned {"
                        + " public String describe() { return \"versioned\"; }"
                        + " public String version() { return \"4.5.6\"; } }")
                .service(TestWidget.KIND, VERSIONED)
                .implementationVersion("9.9.9")
                .writeJar(pluginPath.resolve("versioned.jar"));
        // A widget in a package that Aqueduct ships as a plugin and that Apache users name by Apache's name.
        PluginFixtures.plugin(widgetSource(BUNDLED_FILE_SOURCE, "file source"))
                .service(TestWidget.KIND, BUNDLED_FILE_SOURCE)
                .writeJar(pluginPath.resolve("file.jar"));
        plugins = Plugins.discover(List.of(pluginPath.toString()), PluginDiscovery.HYBRID_WARN,
                List.of(TestWidget.KIND, TestGadget.KIND, PluginKind.CONFIG_PROVIDER));
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void fullSimpleAndSuffixLessNamesResolveToTheSameClass() {
        Class<?> full = plugins.pluginClass(TestWidget.KIND, PLAIN);

        assertEquals(PLAIN, full.getName());
        assertSame(full, plugins.pluginClass(TestWidget.KIND, "PlainWidget"));
        assertSame(full, plugins.pluginClass(TestWidget.KIND, "Plain"));
        assertSame(full, plugins.pluginClass(TestWidget.KIND, "  Plain  "));
    }

    @Test
    void ambiguousAliasListsEveryCandidate() {
        for (String alias : List.of("FancyWidget", "Fancy")) {
            ConnectException error = assertThrows(ConnectException.class,
                    () -> plugins.pluginClass(TestWidget.KIND, alias));
            String message = error.getMessage();
            assertTrue(message.contains("'" + alias + "' is ambiguous"), message);
            assertTrue(message.contains(FANCY_A + ", " + FANCY_B), message);
        }
        assertEquals(FANCY_B, plugins.pluginClass(TestWidget.KIND, FANCY_B).getName());
    }

    @Test
    void unknownNameListsTheAvailablePluginsOfThatKind() {
        ConnectException error = assertThrows(ConnectException.class,
                () -> plugins.pluginClass(TestWidget.KIND, "com.acme.Missing"));

        String message = error.getMessage();
        assertTrue(message.contains("no widget plugin named 'com.acme.Missing'"), message);
        for (String available : List.of(FANCY_A, FANCY_B, PLAIN, VERSIONED, BUNDLED_FILE_SOURCE)) {
            assertTrue(message.contains(available), message);
        }
        assertTrue(message.contains("plugin.path="), message);
        assertThrows(ConnectException.class, () -> plugins.pluginClass(TestWidget.KIND, " "));
    }

    @Test
    void aliasesAreScopedToTheRequestedKinds() {
        assertThrows(ConnectException.class, () -> plugins.pluginClass(TestGadget.KIND, "Plain"));
        assertEquals(ListedGadget.class, plugins.pluginClass(List.of(TestWidget.KIND, TestGadget.KIND), "Listed"));
    }

    @Test
    void apacheKafkaConnectNamesMapToAqueductClasses() {
        Class<?> bundled = plugins.pluginClass(TestWidget.KIND, "org.apache.kafka.connect.file.FileStreamSourceConnector");

        assertEquals(BUNDLED_FILE_SOURCE, bundled.getName());
        assertSame(plugins.pluginLoader(BUNDLED_FILE_SOURCE),
                plugins.pluginLoader("org.apache.kafka.connect.file.FileStreamSourceConnector"));
        assertEquals("io.aqueduct.connect.json.JsonConverter",
                ApacheAliases.toAqueduct("org.apache.kafka.connect.json.JsonConverter"));
        assertEquals("io.aqueduct.connect.storage.StringConverter",
                ApacheAliases.toAqueduct("org.apache.kafka.connect.storage.StringConverter"));
        assertEquals("io.aqueduct.connect.converters.SimpleHeaderConverter",
                ApacheAliases.toAqueduct("org.apache.kafka.connect.storage.SimpleHeaderConverter"));
        for (String converter : List.of("ByteArray", "Integer", "Long", "Short", "Float", "Double", "Boolean")) {
            assertEquals("io.aqueduct.connect.converters." + converter + "Converter",
                    ApacheAliases.toAqueduct("org.apache.kafka.connect.converters." + converter + "Converter"));
        }
        assertEquals("io.aqueduct.connect.file.FileStreamSinkConnector",
                ApacheAliases.toAqueduct("org.apache.kafka.connect.file.FileStreamSinkConnector"));
        assertEquals("com.acme.Other", ApacheAliases.toAqueduct("com.acme.Other"));
    }

    @Test
    void taskClassesInAdoptedTaskConfigsMapToOurs() {
        assertEquals("io.aqueduct.connect.file.FileStreamSourceTask",
                Plugins.canonicalClassName("org.apache.kafka.connect.file.FileStreamSourceTask"));
        assertEquals("io.aqueduct.connect.file.FileStreamSinkTask",
                Plugins.canonicalClassName("org.apache.kafka.connect.file.FileStreamSinkTask"));
        assertEquals("com.acme.MyTask", Plugins.canonicalClassName("com.acme.MyTask"));
    }

    @Test
    void configProvidersOfKafkaClientsAreClassPathPlugins() {
        assertEquals(FileConfigProvider.class, plugins.pluginClass(PluginKind.CONFIG_PROVIDER, "File"));
        assertEquals(FileConfigProvider.class, plugins.pluginClass(PluginKind.CONFIG_PROVIDER, "FileConfigProvider"));
        ConfigProvider provider = plugins.newPlugin(PluginKind.CONFIG_PROVIDER, "EnvVar", ConfigProvider.class);
        assertInstanceOf(EnvVarConfigProvider.class, provider);
        assertTrue(PluginDiscoveryModesTest.classNames(plugins, PluginKind.CONFIG_PROVIDER)
                .contains(FileConfigProvider.class.getName()));
    }

    @Test
    void listingIsSortedAndCarriesTypeVersionAndLocation() {
        List<PluginDesc> widgets = plugins.plugins(TestWidget.KIND);

        assertEquals(List.of(FANCY_A, FANCY_B, PLAIN, VERSIONED, BUNDLED_FILE_SOURCE).stream().sorted().toList(),
                widgets.stream().map(PluginDesc::className).toList());
        PluginDesc plain = find(widgets, PLAIN);
        assertEquals("widget", plain.type());
        assertEquals("1.2.3", plain.version());
        assertTrue(plain.location().endsWith("a.jar"), plain.location());
        assertEquals("4.5.6", find(widgets, VERSIONED).version());
        assertEquals(PluginDesc.UNDEFINED_VERSION, find(widgets, FANCY_B).version());
    }

    @Test
    void delegatingLoaderFindsPluginsByClassNameApacheNameAndAlias() throws Exception {
        ClassLoader loader = plugins.delegatingLoader();

        assertSame(plugins.pluginClass(TestWidget.KIND, PLAIN), loader.loadClass(PLAIN));
        assertSame(plugins.pluginClass(TestWidget.KIND, PLAIN), loader.loadClass("Plain"));
        assertEquals(BUNDLED_FILE_SOURCE,
                loader.loadClass("org.apache.kafka.connect.file.FileStreamSourceConnector").getName());
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("Fancy"));
        assertSame(loader, plugins.pluginLoader("com.acme.NotAPlugin"));
    }

    private static PluginDesc find(List<PluginDesc> descriptors, String className) {
        return descriptors.stream().filter(d -> d.className().equals(className)).findFirst().orElseThrow();
    }
}
