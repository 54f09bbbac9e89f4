package io.aqueduct.connect.runtime.docs;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.json.JsonConverterConfig;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.config.SourceConnectorConfig;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.storage.StringConverterConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates {@code docs/configuration.md} from the {@link ConfigDef}s the code actually uses, so the page
 * cannot drift from the code: {@code ConfigDocsTest} fails when the committed page differs from
 * {@link #render()}.
 *
 * <p>Run {@code main} with the output file as its only argument. The FileStream connectors are read from
 * the class path by name (connect-file is on the worker's class path in the source tree and in the
 * distribution, and on connect-runtime's test class path).
 */
public final class ConfigDocs {

    /** The page's place in the repository, relative to its root. */
    public static final String PAGE = "docs/configuration.md";

    /** The command that rewrites the page; printed by the staleness test. */
    public static final String REGENERATE_COMMAND = "./mvnw -B -pl connect-runtime -am test -Dtest=ConfigDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Daqueduct.docs.regenerate=true";

    static final String FILE_SOURCE_CONNECTOR = "io.aqueduct.connect.file.FileStreamSourceConnector";
    static final String FILE_SINK_CONNECTOR = "io.aqueduct.connect.file.FileStreamSinkConnector";

    /** A topic creation group name that stands for any name the user lists in topic.creation.groups. */
    private static final String EXAMPLE_GROUP = "<group>";

    private record Section(String title, String intro, ConfigDef def, Set<String> excluded) {
    }

    private ConfigDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ConfigDocs <output file>, e.g. ConfigDocs " + PAGE);
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.writeString(out, render(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** The whole page. Deterministic: the same code renders the same bytes. */
    public static String render() {
        StringBuilder page = new StringBuilder(HEADER);
        for (Section section : sections()) {
            page.append("## ").append(section.title()).append("\n\n").append(section.intro().strip()).append("\n\n");
            page.append(ConfigMarkdown.render(section.def(), section.excluded()));
        }
        return page.toString().stripTrailing() + "\n";
    }

    private static List<Section> sections() {
        Set<String> workerKeys = WorkerConfig.baseConfigDef().names();
        Set<String> connectorKeys = ConnectorConfig.configDef().names();
        ConfigDef sourceWithTopicCreation = SourceConnectorConfig.enrichedConfigDef(Map.of(
                "topic.creation.default.replication.factor", "-1",
                SourceConnectorConfig.TOPIC_CREATION_GROUPS_CONFIG, EXAMPLE_GROUP));
        return List.of(
                new Section("Worker: all modes", WORKER, WorkerConfig.baseConfigDef(), Set.of()),
                new Section("Worker: standalone mode", STANDALONE, StandaloneConfig.configDef(), workerKeys),
                new Section("Worker: distributed mode", DISTRIBUTED, DistributedConfig.configDef(), workerKeys),
                new Section("Connector: all connectors", CONNECTOR, ConnectorConfig.configDef(), Set.of()),
                new Section("Connector: source connectors", SOURCE, sourceWithTopicCreation, connectorKeys),
                new Section("Connector: sink connectors", SINK, SinkConnectorConfig.configDef(), connectorKeys),
                new Section("Converter: JsonConverter", JSON, JsonConverterConfig.configDef(), Set.of()),
                new Section("Converter: StringConverter", STRING, StringConverterConfig.configDef(), Set.of()),
                new Section("Connector: FileStreamSource", FILE_SOURCE, connectorConfig(FILE_SOURCE_CONNECTOR), Set.of()),
                new Section("Connector: FileStreamSink", FILE_SINK, connectorConfig(FILE_SINK_CONNECTOR), Set.of()));
    }

    private static ConfigDef connectorConfig(String className) {
        try {
            Class<?> type = Class.forName(className, true, ConfigDocs.class.getClassLoader());
            return ((Connector) type.getDeclaredConstructor().newInstance()).config();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the configuration of " + className + " (" + e
                    + "); put connect-file on the class path, e.g. run through ConfigDocsTest in connect-runtime", e);
        }
    }

    private static final String HEADER = """
            # Configuration reference

            <!-- GENERATED by io.aqueduct.connect.runtime.docs.ConfigDocs from the code's ConfigDefs. Do not edit.
                 Regenerate: %s -->

            Every key a worker or a connector reads, with its type, default, valid values and importance.
            Keys are listed most important first, then by name. A key whose default is "none, required"
            must be set.

            Worker properties files may also hold settings that are passed on rather than read:

            - `producer.*`, `consumer.*`, `admin.*`: settings of the Kafka clients the worker creates for its
              tasks and its internal topics, e.g. `producer.linger.ms=10`. The un-prefixed `ssl.*`, `sasl.*`
              and `security.protocol` apply to every client.
            - `key.converter.*`, `value.converter.*`, `header.converter.*`: settings of the worker's default
              converters, e.g. `value.converter.schemas.enable=false`.
            - `config.providers.<name>.class` and `config.providers.<name>.param.*`: config providers, see
              `config.providers`.

            Connector configurations may likewise hold `producer.override.*`, `consumer.override.*` and
            `admin.override.*` (allowed by `connector.client.config.override.policy`), `key.converter.*`
            and friends for their own converters, and `transforms.<alias>.*` / `predicates.<alias>.*` for
            their transformations and predicates.

            """.formatted(REGENERATE_COMMAND);

    private static final String WORKER = """
            Read by every worker, standalone or distributed (`WorkerConfig`, including the REST server's
            keys from `RestServerConfig`). An unknown key is logged once as a warning and otherwise ignored.
            """;

    private static final String STANDALONE = """
            Read by `bin/connect-standalone.sh` (`StandaloneConfig`) in addition to the keys of all modes.
            """;

    private static final String DISTRIBUTED = """
            Read by a distributed worker (`DistributedConfig`) in addition to the keys of all modes. Two
            timings differ from Apache Kafka Connect while they are left unset: `heartbeat.interval.ms` is
            derived from `session.timeout.ms` (a tenth of it, at most 3000), and
            `scheduled.rebalance.max.delay.ms` is 0, so a lost worker's connectors and tasks move at once.
            Either key, when set, is used as set.
            """;

    private static final String CONNECTOR = """
            The framework's keys of every connector configuration (`ConnectorConfig`). The connector's own
            keys come from its `config()`; a transformation's or predicate's keys are set under
            `transforms.<alias>.` or `predicates.<alias>.`.
            """;

    private static final String SOURCE = """
            Keys of source connectors in addition to those of all connectors (`SourceConnectorConfig`). The
            `topic.creation.*` keys take effect when the worker has `topic.creation.enable=true` and the
            connector sets `topic.creation.default.replication.factor` or `topic.creation.default.partitions`;
            `<group>` stands for each name listed in `topic.creation.groups`.
            """;

    private static final String SINK = """
            Keys of sink connectors in addition to those of all connectors (`SinkConnectorConfig`). Exactly
            one of `topics` and `topics.regex` must be set.
            """;

    private static final String JSON = """
            `io.aqueduct.connect.json.JsonConverter` (alias `JsonConverter`; Apache's
            `org.apache.kafka.connect.json.JsonConverter` is accepted too). Set these under the converter's
            prefix, e.g. `value.converter.schemas.enable=false`. The runtime sets `converter.type` itself.
            """;

    private static final String STRING = """
            `io.aqueduct.connect.storage.StringConverter` (alias `StringConverter`). Set these under the
            converter's prefix, e.g. `key.converter.converter.encoding=UTF-16`. The runtime sets
            `converter.type` itself.
            """;

    private static final String FILE_SOURCE = """
            `io.aqueduct.connect.file.FileStreamSourceConnector` (alias `FileStreamSource`): writes each line
            of a file to a topic. Its own keys, in addition to those of source connectors.
            """;

    private static final String FILE_SINK = """
            `io.aqueduct.connect.file.FileStreamSinkConnector` (alias `FileStreamSink`): appends each record's
            value to a file, one line per record. Its own keys, in addition to those of sink connectors.
            """;
}
