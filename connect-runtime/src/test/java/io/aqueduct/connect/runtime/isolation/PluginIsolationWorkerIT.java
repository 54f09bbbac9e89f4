package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Plugins compiled at test time into {@code plugin.path}, run as connectors on a real Worker: two source
 * connectors bundling different versions of one library class, and a third plugin whose transformation
 * and converter one of them uses. Each record a task sends says what its plugin code saw.
 */
@KafkaIT
class PluginIsolationWorkerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LIBRARY = "com.acme.lib.Greeting";

    private static Path pluginPath;

    private KafkaCluster cluster;

    @BeforeAll
    static void buildPlugins() {
        pluginPath = PluginFixtures.freshDir("worker-isolation");
        PluginFixtures.plugin(library("library v1"), connector("alpha"), task("alpha"), fakeRuntimeClass())
                .service(PluginKind.SOURCE, "com.acme.alpha.GreetingSource")
                .writeJar(pluginPath.resolve("alpha.jar"));
        PluginFixtures.plugin(library("library v2"), connector("beta"), task("beta"))
                .service(PluginKind.SOURCE, "com.acme.beta.GreetingSource")
                .writeJar(pluginPath.resolve("beta.jar"));
        PluginFixtures.plugin(tagTransform(), tagConverter())
                .service(PluginKind.TRANSFORMATION, "com.acme.gamma.TagTransform")
                .service(PluginKind.CONVERTER, "com.acme.gamma.TagConverter")
                .writeJar(pluginPath.resolve("gamma").resolve("gamma.jar"));
    }

    @Test
    void twoConnectorsSeeTheirOwnLibraryVersionAndEveryPluginCallRunsWithItsOwnLoader() throws Exception {
        String alphaTopic = cluster.uniqueName("alpha");
        String betaTopic = cluster.uniqueName("beta");
        cluster.createTopic(alphaTopic, 1, 1);
        cluster.createTopic(betaTopic, 1, 1);
        MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
        MemoryOffsetBackingStore offsets = new MemoryOffsetBackingStore();
        offsets.start();
        StandaloneConfig config = new StandaloneConfig(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                "offset.storage.file.filename", "unused",
                "plugin.path", pluginPath.toString(),
                "plugin.discovery", "service_load",
                "key.converter", "io.aqueduct.connect.storage.StringConverter",
                "value.converter", "io.aqueduct.connect.storage.StringConverter",
                "offset.flush.interval.ms", "200"));
        Plugins plugins = Plugins.discover(config);
        Worker worker = new Worker("localhost:8083", config, plugins, offsets);
        try {
            StatusStoreListener listener = new StatusStoreListener(statuses, worker.workerId(), () -> 0,
                    worker::connectorVersion, worker::taskVersion);
            Map<String, String> alpha = connector("alpha-source", "com.acme.alpha.GreetingSource", alphaTopic);
            alpha.put("transforms", "tag");
            alpha.put("transforms.tag.type", "TagTransform");
            alpha.put("value.converter", "com.acme.gamma.TagConverter");
            start(worker, listener, alpha);
            start(worker, listener, connector("beta-source", "com.acme.beta.GreetingSource", betaTopic));

            assertEquals("library v1|connector-loader=true|task-loader=true|runtime-class-from-plugin=false"
                            + "|transform-loader=true|converter-loader=true",
                    cluster.consumeStringsUntil(alphaTopic, 1, WAIT).get(0).value());
            assertEquals("library v2|connector-loader=true|task-loader=true|runtime-class-from-plugin=false",
                    cluster.consumeStringsUntil(betaTopic, 1, WAIT).get(0).value());
            assertEquals("alpha", worker.connectorVersion("alpha-source"));
            assertEquals("beta-task", worker.taskVersion(new ConnectorTaskId("beta-source", 0)));
            assertEquals(State.RUNNING, statuses.get(new ConnectorTaskId("alpha-source", 0)).state());
            assertEquals(State.RUNNING, statuses.get(new ConnectorTaskId("beta-source", 0)).state());
            ClassLoader alphaLoader = plugins.pluginLoader("com.acme.alpha.GreetingSource");
            assertNotSame(alphaLoader, plugins.pluginLoader("com.acme.beta.GreetingSource"));
            assertSame(ConnectException.class, alphaLoader.loadClass(ConnectException.class.getName()),
                    "alpha.jar bundles its own ConnectException, but the runtime's wins");
            assertThrows(ClassNotFoundException.class, () -> Class.forName(LIBRARY, false, getClass().getClassLoader()));
        } finally {
            worker.stop();
            offsets.stop();
            plugins.close();
        }
    }

    private static void start(Worker worker, StatusStoreListener listener, Map<String, String> props) throws Exception {
        String name = props.get("name");
        worker.startConnector(name, props, listener, TargetState.STARTED, null).get(30, TimeUnit.SECONDS);
        List<Map<String, String>> configs = worker.connectorTaskConfigs(name);
        worker.startTask(new ConnectorTaskId(name, 0), props, configs.get(0), listener, TargetState.STARTED);
    }

    private static Map<String, String> connector(String name, String connectorClass, String topic) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", connectorClass);
        props.put("tasks.max", "1");
        props.put("topic", topic);
        return props;
    }

    // ---- plugin sources ----

    private static String library(String text) {
        return "package com.acme.lib; public class Greeting { public static String text() { return \"" + text + "\"; } }";
    }

    /** True when the context class loader is the loader of {@code owner}: the plugin's own. */
    private static String ownLoader(String owner) {
        return "(Thread.currentThread().getContextClassLoader() == " + owner + ".class.getClassLoader())";
    }

    private static String connector(String name) {
        return "package com.acme." + name + ";\n"
                + "import java.util.*;\n"
                + "public class GreetingSource extends io.aqueduct.connect.source.SourceConnector {\n"
                + "  private Map<String, String> props; private boolean ok = true;\n"
                + "  public String version() { return \"" + name + "\"; }\n"
                + "  public void start(Map<String, String> p) { props = p; ok &= " + ownLoader("GreetingSource") + "; }\n"
                + "  public Class<? extends io.aqueduct.connect.connector.Task> taskClass() { return GreetingTask.class; }\n"
                + "  public List<Map<String, String>> taskConfigs(int max) {\n"
                + "    Map<String, String> c = new HashMap<>(props);\n"
                + "    c.put(\"connector.loader\", String.valueOf(ok && " + ownLoader("GreetingSource") + "));\n"
                + "    return List.of(c); }\n"
                + "  public void stop() { }\n"
                + "  public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                + "}\n";
    }

    private static String task(String name) {
        return "package com.acme." + name + ";\n"
                + "import java.util.*;\n"
                + "import io.aqueduct.connect.source.*;\n"
                + "public class GreetingTask extends SourceTask {\n"
                + "  private Map<String, String> props; private boolean ok = true; private boolean sent;\n"
                + "  public String version() { return \"" + name + "-task\"; }\n"
                + "  public void start(Map<String, String> p) { props = p; ok &= " + ownLoader("GreetingTask") + "; }\n"
                + "  public List<SourceRecord> poll() throws InterruptedException {\n"
                + "    ok &= " + ownLoader("GreetingTask") + ";\n"
                + "    if (sent) { Thread.sleep(50); return null; }\n"
                + "    sent = true;\n"
                + "    boolean fromPlugin = io.aqueduct.connect.errors.ConnectException.class.getClassLoader()\n"
                + "        == GreetingTask.class.getClassLoader();\n"
                + "    String value = com.acme.lib.Greeting.text() + \"|connector-loader=\" + props.get(\"connector.loader\")\n"
                + "        + \"|task-loader=\" + ok + \"|runtime-class-from-plugin=\" + fromPlugin;\n"
                + "    return List.of(new SourceRecord(Map.of(\"p\", 0), Map.of(\"o\", 0), props.get(\"topic\"),\n"
                + "        io.aqueduct.connect.data.Schema.STRING_SCHEMA, value)); }\n"
                + "  public void stop() { }\n"
                + "}\n";
    }

    private static String fakeRuntimeClass() {
        return "package io.aqueduct.connect.errors; public class ConnectException extends RuntimeException {"
                + " public static final String ORIGIN = \"plugin copy\"; }";
    }

    private static String tagTransform() {
        return "package com.acme.gamma;\n"
                + "public class TagTransform<R extends io.aqueduct.connect.connector.ConnectRecord<R>>\n"
                + "    implements io.aqueduct.connect.transforms.Transformation<R> {\n"
                + "  public R apply(R r) { return r.newRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(),\n"
                + "      r.valueSchema(), r.value() + \"|transform-loader=\" + " + ownLoader("TagTransform") + ", r.timestamp()); }\n"
                + "  public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                + "  public void configure(java.util.Map<String, ?> c) { }\n"
                + "  public void close() { }\n"
                + "}\n";
    }

    private static String tagConverter() {
        return "package com.acme.gamma;\n"
                + "import io.aqueduct.connect.data.*;\n"
                + "public class TagConverter implements io.aqueduct.connect.storage.Converter {\n"
                + "  public void configure(java.util.Map<String, ?> c, boolean isKey) { }\n"
                + "  public byte[] fromConnectData(String topic, Schema schema, Object value) {\n"
                + "    return (value + \"|converter-loader=\" + " + ownLoader("TagConverter") + ")\n"
                + "        .getBytes(java.nio.charset.StandardCharsets.UTF_8); }\n"
                + "  public SchemaAndValue toConnectData(String topic, byte[] value) {\n"
                + "    return new SchemaAndValue(Schema.STRING_SCHEMA, new String(value, java.nio.charset.StandardCharsets.UTF_8)); }\n"
                + "}\n";
    }
}
