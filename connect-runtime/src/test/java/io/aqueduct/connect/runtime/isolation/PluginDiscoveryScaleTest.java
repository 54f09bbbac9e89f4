package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Discovery of a plugin.path with 100 plugin jars. The time is printed for the record, never asserted:
 * wall time on a shared build machine says little, the plugin count does.
 */
class PluginDiscoveryScaleTest {

    private static final int PLUGIN_COUNT = 100;

    private static Path pluginPath;

    @BeforeAll
    static void buildOneHundredPluginJars() throws IOException {
        pluginPath = PluginFixtures.freshDir("scale");
        Path classes = PluginFixtures.freshDir("scale-classes");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < PLUGIN_COUNT; i++) {
            sources.add(PluginFixtures.widgetSource(className(i), "plugin " + i));
            sources.add("package " + packageName(i) + "; public class Helper" + i + " { }");
        }
        PluginFixtures.compile(classes, sources);
        for (int i = 0; i < PLUGIN_COUNT; i++) {
            Path pluginClasses = Files.createDirectories(PluginFixtures.freshDir("scale-plugin").resolve("p"));
            Path packageDir = packageName(i).replace('.', '/').transform(pluginClasses::resolve);
            Files.createDirectories(packageDir);
            try (var files = Files.list(classes.resolve(packageName(i).replace('.', '/')))) {
                for (Path file : files.toList()) {
                    Files.copy(file, packageDir.resolve(file.getFileName()));
                }
            }
            PluginFixtures.writeJar(pluginPath.resolve(String.format("plugin-%03d.jar", i)), pluginClasses,
                    Map.of(TestWidget.KIND.serviceManifest(), className(i) + "\n"), "1.0." + i);
        }
    }

    @Test
    void serviceLoadDiscoversOneHundredJars() {
        assertDiscoversAll(PluginDiscovery.SERVICE_LOAD);
    }

    @Test
    void hybridWarnDiscoversOneHundredJars() {
        assertDiscoversAll(PluginDiscovery.HYBRID_WARN);
    }

    private static void assertDiscoversAll(PluginDiscovery mode) {
        long start = System.nanoTime();
        try (Plugins plugins = Plugins.discover(List.of(pluginPath.toString()), mode, List.of(TestWidget.KIND))) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Discovery of %d plugin jars with plugin.discovery=%s took %d ms%n",
                    PLUGIN_COUNT, mode.name().toLowerCase(), millis);

            List<PluginDesc> widgets = plugins.plugins(TestWidget.KIND);
            assertEquals(PLUGIN_COUNT, widgets.size());
            assertEquals(className(0), widgets.get(0).className());
            assertEquals("1.0.42", widgets.stream().filter(w -> w.className().equals(className(42)))
                    .findFirst().orElseThrow().version());
            assertEquals("plugin 99", plugins.newPlugin(TestWidget.KIND, "Plugin99", TestWidget.class).describe());
            assertEquals(List.of(), plugins.withoutManifest());
        }
    }

    private static String packageName(int i) {
        return String.format("com.acme.p%03d", i);
    }

    private static String className(int i) {
        return packageName(i) + ".Plugin" + i + "Widget";
    }
}
