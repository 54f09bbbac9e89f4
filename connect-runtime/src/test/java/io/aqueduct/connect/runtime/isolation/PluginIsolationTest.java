package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PluginIsolationTest {

    private static final String LIBRARY = "com.acme.lib.Greeting";

    private Path pluginPath;
    private Plugins plugins;

    @BeforeEach
    void buildTwoPluginsWithDifferentLibraryVersions() {
        pluginPath = PluginFixtures.freshDir("isolation");
        PluginFixtures.plugin(librarySource("library v1"), widgetUsingLibrary("com.acme.alpha.AlphaWidget"),
                        fakeRuntimeClass(), fakeKafkaClass(), extraKafkaPackageClass())
                .service(TestWidget.KIND, "com.acme.alpha.AlphaWidget")
                .resource("greeting.properties", "alpha")
                .resource("org/apache/kafka/common/config/fake.properties", "alpha")
                .writeJar(pluginPath.resolve("alpha.jar"));
        PluginFixtures.plugin(librarySource("library v2"), widgetUsingLibrary("com.acme.beta.BetaWidget"))
                .service(TestWidget.KIND, "com.acme.beta.BetaWidget")
                .resource("greeting.properties", "beta")
                .writeJar(pluginPath.resolve("beta.jar"));
        plugins = Plugins.discover(List.of(pluginPath.toString()), PluginDiscovery.SERVICE_LOAD, List.of(TestWidget.KIND));
    }

    @AfterEach
    void close() {
        plugins.close();
    }

    @Test
    void eachPluginSeesItsOwnVersionOfASharedLibraryClass() {
        TestWidget alpha = plugins.newPlugin(TestWidget.KIND, "AlphaWidget", TestWidget.class);
        TestWidget beta = plugins.newPlugin(TestWidget.KIND, "BetaWidget", TestWidget.class);

        assertEquals("library v1", alpha.describe());
        assertEquals("library v2", beta.describe());
        ClassLoader alphaLoader = plugins.pluginLoader("com.acme.alpha.AlphaWidget");
        ClassLoader betaLoader = plugins.pluginLoader("com.acme.beta.BetaWidget");
        assertNotEquals(alphaLoader, betaLoader);
        assertThrows(ClassNotFoundException.class, () -> Class.forName(LIBRARY, false, getClass().getClassLoader()));
    }

    @Test
    void pluginCannotReplaceRuntimeApiOrJdkClasses() throws Exception {
        ClassLoader alphaLoader = plugins.pluginLoader("com.acme.alpha.AlphaWidget");

        // alpha.jar bundles its own org.apache.kafka.common.config.ConfigDef and io.aqueduct.connect.errors.ConnectException
        assertSame(ConfigDef.class, alphaLoader.loadClass(ConfigDef.class.getName()));
        assertSame(ConnectException.class, alphaLoader.loadClass(ConnectException.class.getName()));
        assertSame(TestWidget.class, alphaLoader.loadClass(TestWidget.class.getName()));
        assertSame(String.class, alphaLoader.loadClass("java.lang.String"));
        assertSame(javax.net.ssl.SSLContext.class, alphaLoader.loadClass("javax.net.ssl.SSLContext"));
        assertSame(org.slf4j.Logger.class, alphaLoader.loadClass("org.slf4j.Logger"));
    }

    @Test
    void parentFirstClassesMissingFromTheWorkerStillLoadFromThePlugin() throws Exception {
        ClassLoader alphaLoader = plugins.pluginLoader("com.acme.alpha.AlphaWidget");

        Class<?> extra = alphaLoader.loadClass("org.apache.kafka.extra.Helper");

        assertSame(alphaLoader, extra.getClassLoader());
    }

    @Test
    void resourcesAreChildFirstExceptUnderSharedPackages() throws IOException {
        ClassLoader alphaLoader = plugins.pluginLoader("com.acme.alpha.AlphaWidget");
        ClassLoader betaLoader = plugins.pluginLoader("com.acme.beta.BetaWidget");

        assertEquals("alpha", read(alphaLoader.getResource("greeting.properties")));
        assertEquals("beta", read(betaLoader.getResource("greeting.properties")));
        assertEquals("alpha", read(Collections.list(alphaLoader.getResources("greeting.properties")).get(0)));

        String runtimeClassFile = ConnectException.class.getName().replace('.', '/') + ".class";
        assertEquals(getClass().getClassLoader().getResource(runtimeClassFile), alphaLoader.getResource(runtimeClassFile));
        // not in the worker, so the plugin's copy is found even though the package is shared
        assertEquals("alpha", read(alphaLoader.getResource("org/apache/kafka/common/config/fake.properties")));
    }

    @Test
    void widgetsAreInstancesOfTheWorkersInterface() {
        Object alpha = plugins.newPlugin(TestWidget.KIND, "com.acme.alpha.AlphaWidget");

        assertInstanceOf(TestWidget.class, alpha);
        assertInstanceOf(PluginClassLoader.class, alpha.getClass().getClassLoader());
    }

    private static String librarySource(String text) {
        return "package com.acme.lib; public class Greeting { public static String text() { return \"" + text + "\"; } }";
    }

    private static String widgetUsingLibrary(String className) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " implements io.aqueduct.connect.runtime.isolation.TestWidget {"
                + " public String describe() { return com.acme.lib.Greeting.text(); } }";
    }

    private static String fakeRuntimeClass() {
        return "package io.aqueduct.connect.errors; public class ConnectException extends RuntimeException {"
                + " public static final String FAKE = \"plugin copy\"; }";
    }

    private static String fakeKafkaClass() {
        return "package org.apache.kafka.common.config; public class ConfigDef { }";
    }

    private static String extraKafkaPackageClass() {
        return "package org.apache.kafka.extra; public class Helper { }";
    }

    private static String read(URL url) throws IOException {
        assertNotNull(url);
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
