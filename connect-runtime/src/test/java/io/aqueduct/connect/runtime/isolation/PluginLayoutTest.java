package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.aqueduct.connect.runtime.isolation.PluginFixtures.widgetSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class PluginLayoutTest {

    private static final String LIBRARY = "package com.acme.lib; public class Shout {"
            + " public static String shout(String s) { return s.toUpperCase() + \"!\"; } }";

    private static String shoutingWidget(String className) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " implements io.aqueduct.connect.runtime.isolation.TestWidget {"
                + " public String describe() { return com.acme.lib.Shout.shout(\"" + className + "\"); } }";
    }

    @ParameterizedTest
    @EnumSource(value = PluginDiscovery.class, names = {"SERVICE_LOAD", "ONLY_SCAN"})
    void everyLayoutIsOnePluginWithOneLoader(PluginDiscovery mode) throws IOException {
        Path pluginPath = PluginFixtures.freshDir("layouts");
        // a directory of jars: the widget and the library it calls in separate jars, nested one level
        Path jarsDir = Files.createDirectories(pluginPath.resolve("jars-plugin/lib"));
        PluginFixtures.plugin(LIBRARY).writeJar(jarsDir.resolve("shout-lib.jar"));
        Path classesForWidget = PluginFixtures.freshDir("jars-widget-classes");
        PluginFixtures.compile(classesForWidget, List.of(LIBRARY, shoutingWidget("com.acme.jars.JarsWidget")));
        Files.delete(classesForWidget.resolve("com/acme/lib/Shout.class"));
        PluginFixtures.writeJar(pluginPath.resolve("jars-plugin/widget.jar"), classesForWidget,
                java.util.Map.of(TestWidget.KIND.serviceManifest(), "com.acme.jars.JarsWidget\n"), null);
        // an uber-jar
        PluginFixtures.plugin(LIBRARY, shoutingWidget("com.acme.uber.UberWidget"))
                .service(TestWidget.KIND, "com.acme.uber.UberWidget")
                .writeJar(pluginPath.resolve("uber.jar"));
        // a directory of classes
        PluginFixtures.plugin(LIBRARY, shoutingWidget("com.acme.classes.ClassesWidget"))
                .service(TestWidget.KIND, "com.acme.classes.ClassesWidget")
                .writeClassesDir(pluginPath.resolve("classes-plugin"));
        Files.writeString(pluginPath.resolve("README.txt"), "not a plugin");

        try (Plugins plugins = Plugins.discover(List.of(pluginPath.toString()), mode, List.of(TestWidget.KIND))) {
            assertEquals(List.of("com.acme.classes.ClassesWidget", "com.acme.jars.JarsWidget", "com.acme.uber.UberWidget"),
                    PluginDiscoveryModesTest.classNames(plugins, TestWidget.KIND));
            for (String alias : List.of("Jars", "Uber", "Classes")) {
                TestWidget widget = plugins.newPlugin(TestWidget.KIND, alias, TestWidget.class);
                assertEquals(widget.getClass().getName().toUpperCase() + "!", widget.describe());
            }
            ClassLoader jars = plugins.pluginLoader("com.acme.jars.JarsWidget");
            ClassLoader uber = plugins.pluginLoader("com.acme.uber.UberWidget");
            ClassLoader classes = plugins.pluginLoader("com.acme.classes.ClassesWidget");
            assertNotSame(jars, uber);
            assertNotSame(uber, classes);
            assertEquals(pluginPath.resolve("jars-plugin").toAbsolutePath().toString(),
                    ((PluginClassLoader) jars).location());
        }
    }

    @Test
    void pluginPathEntryMayBeAJarAndMissingEntriesAreSkipped() {
        Path dir = PluginFixtures.freshDir("entries");
        Path jar = PluginFixtures.plugin(widgetSource("com.acme.single.SingleWidget", "single"))
                .service(TestWidget.KIND, "com.acme.single.SingleWidget")
                .writeJar(dir.resolve("single.jar"));

        try (Plugins plugins = Plugins.discover(List.of(dir.resolve("missing").toString(), "", jar.toString()),
                PluginDiscovery.HYBRID_WARN, List.of(TestWidget.KIND))) {
            assertEquals(List.of("com.acme.single.SingleWidget"), PluginDiscoveryModesTest.classNames(plugins, TestWidget.KIND));
        }
    }

    @Test
    void firstCopyOfAClassOnPluginPathWins() {
        Path pluginPath = PluginFixtures.freshDir("duplicates");
        PluginFixtures.plugin(widgetSource("com.acme.dup.DupWidget", "first"))
                .service(TestWidget.KIND, "com.acme.dup.DupWidget").writeJar(pluginPath.resolve("a-first.jar"));
        PluginFixtures.plugin(widgetSource("com.acme.dup.DupWidget", "second"))
                .service(TestWidget.KIND, "com.acme.dup.DupWidget").writeJar(pluginPath.resolve("b-second.jar"));

        try (Plugins plugins = Plugins.discover(List.of(pluginPath.toString()), PluginDiscovery.SERVICE_LOAD,
                List.of(TestWidget.KIND))) {
            assertEquals("first", plugins.newPlugin(TestWidget.KIND, "Dup", TestWidget.class).describe());
            assertEquals(1, plugins.plugins(TestWidget.KIND).size());
            assertSame(plugins.pluginClass(TestWidget.KIND, "Dup").getClassLoader(),
                    plugins.pluginLoader("com.acme.dup.DupWidget"));
        }
    }
}
