package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.file.FileStreamSourceConnector;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Plugins discovered from the test class path (connect-file's connectors and the test plugins of
 * {@code herder.testplugins}, listed in src/test/resources service manifests), and helpers over validation answers.
 */
final class ValidationFixtures {

    /** The class path's plugins; hybrid discovery so that the built-in converters without manifests are listed too. */
    static final Plugins PLUGINS = Plugins.discover(List.of(), PluginDiscovery.HYBRID_WARN, PluginKind.STANDARD);

    static final String FILE_SOURCE = "io.aqueduct.connect.file.FileStreamSourceConnector";
    static final String FILE_SINK = "io.aqueduct.connect.file.FileStreamSinkConnector";
    static final String FILE_VERSION = new FileStreamSourceConnector().version();

    static final List<String> SOURCE_GROUPS = List.of("Common", "Transforms", "Predicates", "Error Handling",
            "Topic Creation", "Exactly Once Support", "offsets.topic");
    static final List<String> SINK_GROUPS = List.of("Common", "Transforms", "Predicates", "Error Handling");

    private ValidationFixtures() {
    }

    static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    static ConfigInfo config(ConfigInfos infos, String name) {
        return infos.configs().stream().filter(info -> info.value().name().equals(name)).findFirst()
                .orElseGet(() -> fail("No config '" + name + "' in " + names(infos)));
    }

    static List<String> errors(ConfigInfos infos, String name) {
        return config(infos, name).value().errors();
    }

    static List<String> names(ConfigInfos infos) {
        return infos.configs().stream().map(info -> info.value().name()).toList();
    }

    /** Compares a definition with the reference's, field by field; the documentation is ours to word. */
    static void assertDefinition(ConfigKeyInfo expected, ConfigKeyInfo actual) {
        assertEquals(expected, new ConfigKeyInfo(actual.name(), actual.type(), actual.required(), actual.defaultValue(),
                actual.importance(), expected.documentation(), actual.group(), actual.orderInGroup(), actual.width(),
                actual.displayName(), actual.dependents()), "definition of " + expected.name());
    }

    /** A reference definition (without documentation, which is compared by {@link #assertDefinition} as equal). */
    static ConfigKeyInfo definition(String name, String type, boolean required, String defaultValue, String importance,
                                    String group, int order, String width, String displayName) {
        return new ConfigKeyInfo(name, type, required, defaultValue, importance, null, group, order, width,
                displayName, List.of());
    }
}
