package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigProvidersTest {

    private static Plugins plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void discover() {
        plugins = TestPlugins.classPathOnly();
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    @Test
    void createsTheListedProvidersByClassNameSimpleNameAndAlias() {
        Map<String, String> props = Map.of("config.providers", " file , env,dir,file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider",
                "config.providers.env.class", "EnvVarConfigProvider",
                "config.providers.dir.class", "Directory");
        try (ConfigProviders providers = ConfigProviders.create(props, plugins)) {
            assertEquals(List.of("file", "env", "dir"), List.copyOf(providers.providers().keySet()));
            assertEquals(Set.of(FileConfigProvider.class.getName(),
                            "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                            "org.apache.kafka.common.config.provider.DirectoryConfigProvider"),
                    Set.of(providers.providers().values().stream().map(Object::toString).toArray(String[]::new)));
        }
    }

    @Test
    void createsFromAParsedWorkerConfigWithParams() {
        StandaloneConfig config = new StandaloneConfig(Map.of("offset.storage.file.filename", "/tmp/offsets",
                "config.providers", "ttl",
                "config.providers.ttl.class", TtlConfigProvider.class.getName(),
                "config.providers.ttl.param.prefix", "vault"));
        try (ConfigProviders providers = ConfigProviders.create(config, plugins)) {
            ConfigData data = providers.providers().get("ttl").get("5", Set.of("db"));
            assertEquals(Map.of("db", "vault-db"), data.data());
            assertEquals(5L, data.ttl());
        }
    }

    @Test
    void noProvidersListedMeansNone() {
        try (ConfigProviders providers = ConfigProviders.create(Map.of("config.providers", ""), plugins)) {
            assertTrue(providers.isEmpty());
        }
        assertTrue(ConfigProviders.none().isEmpty());
    }

    @Test
    void unknownClassNamesTheProviderTheClassAndTheReason() {
        ConnectException e = assertThrows(ConnectException.class, () -> ConfigProviders.create(Map.of(
                "config.providers", "vault", "config.providers.vault.class", "com.example.VaultConfigProvider"),
                plugins));
        assertTrue(e.getMessage().startsWith("Cannot create config provider 'vault'"
                + " (config.providers.vault.class=com.example.VaultConfigProvider): "), e.getMessage());
        assertTrue(e.getMessage().contains("FileConfigProvider"), "the reason lists the providers available: "
                + e.getMessage());
    }

    @Test
    void aClassThatIsNoConfigProviderIsRejected() {
        ConnectException e = assertThrows(ConnectException.class, () -> ConfigProviders.create(Map.of(
                "config.providers", "s", "config.providers.s.class", String.class.getName()), plugins));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void missingClassKeySaysWhatToSet() {
        ConnectException e = assertThrows(ConnectException.class,
                () -> ConfigProviders.create(Map.of("config.providers", "file"), plugins));
        assertTrue(e.getMessage().contains("config.providers.file.class is not set"), e.getMessage());
    }

    @Test
    void failingConfigureNamesTheProviderWithoutItsParamsAndClosesThoseCreatedBefore() {
        int closedBefore = TtlConfigProvider.CLOSED.get();
        ConnectException e = assertThrows(ConnectException.class, () -> ConfigProviders.create(Map.of(
                "config.providers", "ttl,store",
                "config.providers.ttl.class", TtlConfigProvider.class.getName(),
                "config.providers.store.class", FailingConfigProvider.class.getName(),
                "config.providers.store.param.token", "tok-123456"), plugins));
        assertTrue(e.getMessage().startsWith("Cannot configure config provider 'store' (config.providers.store.class="
                + FailingConfigProvider.class.getName() + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("token rejected by the secret store"), e.getMessage());
        assertTrue(!e.getMessage().contains("tok-123456"), "parameter values stay out of messages");
        assertEquals(closedBefore + 1, TtlConfigProvider.CLOSED.get(), "the provider created first is closed");
    }

    @Test
    void aProviderFromPluginPathRunsWithItsOwnClassLoader() throws IOException, URISyntaxException {
        Path pluginPath = dir.resolve("plugins");
        Path plugin = Files.createDirectories(pluginPath.resolve("loader-provider"));
        Path source = Files.createDirectories(dir.resolve("src/com/example")).resolve("LoaderConfigProvider.java");
        Files.writeString(source, """
                package com.example;
                import java.util.*;
                import org.apache.kafka.common.config.ConfigData;
                public class LoaderConfigProvider implements org.apache.kafka.common.config.provider.ConfigProvider {
                    private String configuredWith;
                    public void configure(Map<String, ?> configs) {
                        configuredWith = String.valueOf(Thread.currentThread().getContextClassLoader() == getClass().getClassLoader());
                    }
                    public ConfigData get(String path) { return get(path, Set.of()); }
                    public ConfigData get(String path, Set<String> keys) {
                        Map<String, String> data = new HashMap<>();
                        data.put("configured", configuredWith);
                        data.put("get", String.valueOf(Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()));
                        return new ConfigData(data);
                    }
                    public void close() { }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String kafkaClients = Path.of(ConfigProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        assertEquals(0, javac.run(null, null, null, "-d", plugin.toString(), "-classpath", kafkaClients,
                "--release", "17", source.toString()));
        Path manifest = plugin.resolve("META-INF/services/" + ConfigProvider.class.getName());
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "com.example.LoaderConfigProvider\n");

        try (Plugins withPluginPath = Plugins.discover(List.of(pluginPath.toString()), PluginDiscovery.SERVICE_LOAD,
                List.of(PluginKind.CONFIG_PROVIDER));
             WorkerConfigTransformer transformer = new WorkerConfigTransformer(ConfigProviders.create(Map.of(
                     "config.providers", "custom", "config.providers.custom.class", "LoaderConfigProvider"),
                     withPluginPath), name -> { })) {
            ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
            Map<String, String> resolved = transformer.transform("c",
                    Map.of("a", "${custom:any:configured}", "b", "${custom:any:get}"));
            assertEquals(Map.of("a", "true", "b", "true"), resolved);
            assertEquals(callerLoader, Thread.currentThread().getContextClassLoader(), "the caller's loader is restored");
            try (ConfigProviders byFullName = ConfigProviders.create(Map.of("config.providers", "custom",
                    "config.providers.custom.class", "com.example.LoaderConfigProvider"), withPluginPath)) {
                ConfigProvider provider = ((LoaderBoundConfigProvider) byFullName.providers().get("custom")).delegate();
                assertNotEquals(getClass().getClassLoader(), provider.getClass().getClassLoader());
                assertInstanceOf(ConfigProvider.class, provider);
            }
        }
    }
}
