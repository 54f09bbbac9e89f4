package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static io.aqueduct.connect.runtime.herder.ValidationFixtures.FILE_SINK;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.FILE_SOURCE;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.FILE_VERSION;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.PLUGINS;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.assertDefinition;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.definition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginCatalogTest {

    private static final List<String> TYPE_ORDER = List.of("connector", "transformation", "predicate", "converter",
            "header_converter");

    private final PluginCatalog catalog = new PluginCatalog(PLUGINS);

    private static int rank(PluginInfo plugin) {
        return plugin.type().equals("source") || plugin.type().equals("sink") ? 0 : TYPE_ORDER.indexOf(plugin.type());
    }

    @Test
    void connectorsOnlyListsSourcesAndSinksTogetherByClassName() {
        List<PluginInfo> plugins = catalog.connectorPlugins(true);

        assertTrue(plugins.contains(new PluginInfo(FILE_SINK, "sink", FILE_VERSION)), String.valueOf(plugins));
        assertTrue(plugins.contains(new PluginInfo(FILE_SOURCE, "source", FILE_VERSION)), String.valueOf(plugins));
        assertTrue(plugins.contains(new PluginInfo("io.aqueduct.connect.runtime.herder.testplugins.VaultSinkConnector",
                "sink", "2.0.0")), String.valueOf(plugins));
        assertTrue(plugins.stream().allMatch(plugin -> rank(plugin) == 0), String.valueOf(plugins));
        assertEquals(plugins.stream().sorted(Comparator.comparing(PluginInfo::className)).toList(), plugins);
    }

    @Test
    void allPluginsAreGroupedByKindInTheReferenceOrder() {
        List<PluginInfo> plugins = catalog.connectorPlugins(false);

        assertEquals(catalog.connectorPlugins(true), plugins.subList(0, catalog.connectorPlugins(true).size()));
        assertEquals(plugins.stream().sorted(Comparator.comparingInt(PluginCatalogTest::rank)
                .thenComparing(PluginInfo::className)).toList(), plugins, "connectors, transformations, predicates,"
                + " converters, header converters; by class name within each");
        assertTrue(plugins.stream().anyMatch(plugin -> plugin.type().equals("transformation")
                && plugin.className().endsWith(".MaskField")), String.valueOf(plugins));
        assertTrue(plugins.stream().anyMatch(plugin -> plugin.type().equals("predicate")
                && plugin.className().endsWith(".TopicIs")), String.valueOf(plugins));
        assertTrue(plugins.stream().anyMatch(plugin -> plugin.type().equals("converter")
                && plugin.className().equals("io.aqueduct.connect.storage.StringConverter")), String.valueOf(plugins));
        assertTrue(plugins.stream().noneMatch(plugin -> plugin.type().equals("config_provider")));
    }

    @Test
    void fileSourceConfigIsItsOwnKeysThenTheFrameworkKeys() {
        List<ConfigKeyInfo> keys = catalog.connectorPluginConfig("FileStreamSourceConnector", null);

        List<String> names = keys.stream().map(ConfigKeyInfo::name).toList();
        assertEquals(List.of("file", "topic", "batch.size", "name", "connector.class", "connector.plugin.version",
                "tasks.max", "tasks.max.enforce", "key.converter", "key.converter.plugin.version"), names.subList(0, 10));
        assertEquals(List.of("exactly.once.support", "transaction.boundary", "transaction.boundary.interval.ms",
                "offsets.storage.topic"), names.subList(names.size() - 4, names.size()));
        assertDefinition(definition("file", "STRING", false, null, "HIGH", null, -1, "NONE", "file"), keys.get(0));
        assertDefinition(definition("topic", "STRING", true, null, "HIGH", null, -1, "NONE", "topic"), keys.get(1));
        assertDefinition(definition("batch.size", "INT", false, "2000", "LOW", null, -1, "NONE", "batch.size"),
                keys.get(2));
        assertDefinition(definition("name", "STRING", true, null, "HIGH", "Common", 1, "MEDIUM", "Connector name"),
                keys.get(3));
        assertDefinition(definition("connector.plugin.version", "STRING", false, FILE_VERSION, "MEDIUM", "Common", 3,
                "MEDIUM", "Connector version"), keys.get(5));
        assertEquals("CLASS", keys.get(8).type());
        assertEquals(keys, catalog.connectorPluginConfig("FileStreamSource", "latest"));
        assertEquals(keys, catalog.connectorPluginConfig(FILE_SOURCE, FILE_VERSION));
    }

    @Test
    void sinkConfigEndsWithTheSinkFrameworkKeys() {
        List<String> names = catalog.connectorPluginConfig("FileStreamSink", null).stream()
                .map(ConfigKeyInfo::name).toList();

        assertTrue(names.containsAll(List.of("topics", "topics.regex", "errors.deadletterqueue.topic.name")), names.toString());
        assertTrue(names.stream().noneMatch(name -> name.startsWith("exactly.once")), names.toString());
    }

    @Test
    void transformationsAndPredicatesListTheirOwnKeys() {
        assertEquals(List.of("field", "salt"),
                catalog.connectorPluginConfig("MaskField", null).stream().map(ConfigKeyInfo::name).toList());
        assertEquals("PASSWORD", catalog.connectorPluginConfig("MaskField", null).get(1).type());
        assertEquals(List.of("topic"),
                catalog.connectorPluginConfig("TopicIs", null).stream().map(ConfigKeyInfo::name).toList());
        assertTrue(catalog.connectorPluginConfig("StringConverter", null).stream()
                .anyMatch(key -> key.name().equals("converter.encoding")));
    }

    @Test
    void unknownPluginIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> catalog.connectorPluginConfig("Nope", null));
        assertEquals("Unknown plugin Nope.", e.getMessage());
    }

    @Test
    void versionThatIsNotInstalledIsABadRequest() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> catalog.connectorPluginConfig("FileStreamSourceConnector", "9.9.9"));

        assertEquals(400, e.statusCode());
        assertEquals("Plugin io.aqueduct.connect.file.FileStreamSourceConnector not found that matches the version "
                + "range [9.9.9,9.9.9], available versions: [" + FILE_VERSION + "]", e.getMessage());
    }
}
