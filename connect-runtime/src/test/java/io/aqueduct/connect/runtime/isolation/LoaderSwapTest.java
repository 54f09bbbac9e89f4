package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@SuppressWarnings("try") // swaps are opened for their effect only
class LoaderSwapTest {

    /** Reports which context class loader it saw in its constructor and in describe(). */
    private static final String PROBE = "package com.acme.probe; public class ProbeWidget implements"
            + " io.aqueduct.connect.runtime.isolation.TestWidget {"
            + " private final boolean ownLoaderAtConstruction = Thread.currentThread().getContextClassLoader()"
            + "     == ProbeWidget.class.getClassLoader();"
            + " public String describe() { return \"constructed=\" + ownLoaderAtConstruction + \",called=\""
            + "     + (Thread.currentThread().getContextClassLoader() == ProbeWidget.class.getClassLoader()); } }";

    private static Plugins plugins;

    @BeforeAll
    static void discover() {
        Path pluginPath = PluginFixtures.freshDir("swap");
        PluginFixtures.plugin(PROBE).service(TestWidget.KIND, "com.acme.probe.ProbeWidget")
                .writeJar(pluginPath.resolve("probe.jar"));
        plugins = Plugins.discover(List.of(pluginPath.toString()), PluginDiscovery.SERVICE_LOAD, List.of(TestWidget.KIND));
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void pluginCodeRunsWithItsOwnLoaderInsideTheSwapOnly() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        TestWidget probe = plugins.newPlugin(TestWidget.KIND, "Probe", TestWidget.class);
        assertSame(before, Thread.currentThread().getContextClassLoader(), "newPlugin must restore the loader");

        assertEquals("constructed=true,called=false", probe.describe());
        ClassLoader pluginLoader = plugins.pluginLoader(probe.getClass().getName());
        assertInstanceOf(PluginClassLoader.class, pluginLoader);
        try (LoaderSwap swap = plugins.withClassLoader(pluginLoader)) {
            assertSame(pluginLoader, Thread.currentThread().getContextClassLoader());
            assertEquals("constructed=true,called=true", probe.describe());
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void swapIsRestoredWhenPluginCodeThrows() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader pluginLoader = plugins.pluginLoader("com.acme.probe.ProbeWidget");

        assertThrows(IllegalStateException.class, () -> {
            try (LoaderSwap swap = plugins.withClassLoader(pluginLoader)) {
                throw new IllegalStateException("plugin failure");
            }
        });
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void swapsNestAndUnwindInOrder() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader pluginLoader = plugins.pluginLoader("com.acme.probe.ProbeWidget");

        try (LoaderSwap outer = plugins.withClassLoader(plugins.delegatingLoader())) {
            try (LoaderSwap inner = plugins.withClassLoader(pluginLoader)) {
                assertSame(pluginLoader, Thread.currentThread().getContextClassLoader());
            }
            assertSame(plugins.delegatingLoader(), Thread.currentThread().getContextClassLoader());
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void swapMustBeClosedOnItsOwnThread() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader("com.acme.probe.ProbeWidget"));
        try {
            CompletableFuture<Void> elsewhere = CompletableFuture.runAsync(swap::close);
            Throwable failure = assertThrows(Exception.class, elsewhere::join).getCause();
            assertInstanceOf(IllegalStateException.class, failure);
        } finally {
            swap.close();
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }
}
