package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.config.WorkerConfig.ClientOverridePolicy;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigValueInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aqueduct.connect.runtime.herder.ValidationFixtures.FILE_VERSION;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.PLUGINS;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.SINK_GROUPS;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.SOURCE_GROUPS;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.assertDefinition;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.config;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.definition;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.errors;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.names;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorValidatorTest {

    private final ConnectorValidator validator = new ConnectorValidator(PLUGINS, ClientOverridePolicy.ALL, true);

    private static Map<String, String> fileSource(String... more) {
        Map<String, String> props = props("connector.class", "FileStreamSourceConnector", "name", "ref-v",
                "topic", "ref-lines", "file", "/tmp/ref-in.txt");
        props.putAll(props(more));
        return props;
    }

    private static Map<String, String> fileSink(String... more) {
        Map<String, String> props = props("connector.class", "FileStreamSink", "name", "ref-sink", "file", "/tmp/out");
        props.putAll(props(more));
        return props;
    }

    @Test
    void validSourceConfigMatchesTheReference() {
        ConfigInfos infos = validator.validate(fileSource());

        assertEquals("FileStreamSourceConnector", infos.name());
        assertEquals(0, infos.errorCount(), () -> String.valueOf(infos.errorMessages()));
        assertEquals(SOURCE_GROUPS, infos.groups());
        List<ConfigInfo> configs = infos.configs();
        assertDefinition(definition("name", "STRING", true, null, "HIGH", "Common", 1, "MEDIUM", "Connector name"),
                configs.get(0).definition());
        assertEquals(new ConfigValueInfo("name", "ref-v", List.of(), List.of(), true), configs.get(0).value());
        assertDefinition(definition("connector.class", "STRING", true, null, "HIGH", "Common", 2, "LONG",
                "Connector class"), configs.get(1).definition());
        assertEquals(new ConfigValueInfo("connector.class", "FileStreamSourceConnector", List.of(), List.of(), true),
                configs.get(1).value());
        assertDefinition(definition("connector.plugin.version", "STRING", false, FILE_VERSION, "MEDIUM", "Common", 3,
                "MEDIUM", "Connector version"), configs.get(2).definition());
        assertEquals(new ConfigValueInfo("connector.plugin.version", FILE_VERSION, List.of(FILE_VERSION), List.of(),
                true), configs.get(2).value());
        assertDefinition(definition("tasks.max", "INT", false, "1", "HIGH", "Common", 4, "SHORT", "Tasks max"),
                configs.get(3).definition());
        assertEquals(new ConfigValueInfo("tasks.max", "1", List.of(), List.of(), true), configs.get(3).value());
        assertDefinition(definition("tasks.max.enforce", "BOOLEAN", false, "true", "LOW", "Common", 5, "SHORT",
                "Enforce tasks max"), configs.get(4).definition());
        assertEquals(List.of("key.converter", "key.converter.plugin.version", "value.converter",
                "value.converter.plugin.version", "header.converter", "header.converter.plugin.version"),
                names(infos).subList(5, 11));
        assertEquals("CLASS", configs.get(5).definition().type());
    }

    @Test
    void connectorKeysFollowTheFrameworkKeys() {
        ConfigInfos infos = validator.validate(fileSource());

        List<String> names = names(infos);
        assertEquals(List.of("file", "topic", "batch.size"), names.subList(names.size() - 3, names.size()));
        assertEquals("offsets.storage.topic", names.get(names.size() - 4));
        assertDefinition(definition("batch.size", "INT", false, "2000", "LOW", null, -1, "NONE", "batch.size"),
                config(infos, "batch.size").definition());
        assertEquals("2000", config(infos, "batch.size").value().value());
        assertEquals("ref-lines", config(infos, "topic").value().value());
    }

    @Test
    void invalidTasksMaxAndMissingTopicGiveTheReferenceMessages() {
        ConfigInfos infos = validator.validate(props("connector.class", "FileStreamSourceConnector", "name", "ref-v",
                "tasks.max", "abc"));

        assertEquals(3, infos.errorCount());
        assertEquals(new ConfigValueInfo("tasks.max", null, List.of(), List.of(
                "Invalid value abc for configuration tasks.max: Not a number of type INT",
                "Invalid value null for configuration tasks.max: Value must be non-null"), true),
                config(infos, "tasks.max").value());
        assertEquals(List.of("Missing required configuration \"topic\" which has no default value."),
                errors(infos, "topic"));
    }

    @Test
    void createOfAnInvalidConfigListsEveryError() {
        BadRequestException e = assertThrows(BadRequestException.class, () -> validator.requireValid(props(
                "connector.class", "FileStreamSource", "tasks.max", "abc", "topic", "ref-lines", "name", "ref-invalid")));

        assertEquals(400, e.statusCode());
        assertEquals("Connector configuration is invalid and contains the following 2 error(s):\n"
                + "Invalid value abc for configuration tasks.max: Not a number of type INT\n"
                + "Invalid value null for configuration tasks.max: Value must be non-null\n"
                + "You can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`", e.getMessage());
    }

    @Test
    void emptyNameIsTheReferenceError() {
        BadRequestException e = assertThrows(BadRequestException.class, () -> validator.requireValid(props(
                "connector.class", "FileStreamSource", "topic", "ref-lines", "name", "")));

        assertEquals("Connector configuration is invalid and contains the following 1 error(s):\n"
                + "Invalid value  for configuration name: String may not be empty\n"
                + "You can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`", e.getMessage());
    }

    @Test
    void validConfigPassesRequireValid() {
        assertEquals(0, validator.requireValid(fileSource()).errorCount());
    }

    @Test
    void unknownConnectorClassIsABadRequestListingTheInstalledConnectors() {
        Map<String, String> config = props("name", "ref-unknown", "connector.class", "com.example.ref.DoesNotExist",
                "topic", "ref-lines");

        BadRequestException e = assertThrows(BadRequestException.class, () -> validator.requireValid(config));

        assertEquals(400, e.statusCode());
        String prefix = "Failed to find any class that implements Connector and which name matches "
                + "com.example.ref.DoesNotExist, available connectors are: ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains("PluginDesc{klass=class io.aqueduct.connect.file.FileStreamSinkConnector, "
                + "name='io.aqueduct.connect.file.FileStreamSinkConnector', version='" + FILE_VERSION
                + "', encodedVersion=" + FILE_VERSION + ", type=sink, typeName='sink', location='classpath'}, "
                + "PluginDesc{klass=class io.aqueduct.connect.file.FileStreamSourceConnector,"), e.getMessage());
        assertThrows(BadRequestException.class, () -> validator.validate(config));
    }

    @Test
    void missingConnectorClassIsABadRequest() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> validator.validate(props("name", "x", "topic", "t")));
        assertTrue(e.getMessage().contains("connector.class"), e.getMessage());
    }

    @Test
    void connectorClassMayBeNamedEveryWayApacheAllows() {
        for (String name : List.of("FileStreamSource", "FileStreamSourceConnector",
                "io.aqueduct.connect.file.FileStreamSourceConnector",
                "org.apache.kafka.connect.file.FileStreamSourceConnector")) {
            ConfigInfos infos = validator.validate(fileSource("connector.class", name));
            assertEquals(name, infos.name());
            assertEquals(0, infos.errorCount(), name + ": " + infos.errorMessages());
            assertEquals(SOURCE_GROUPS, infos.groups());
        }
        assertEquals(ConnectorType.SOURCE, validator.connectorType(fileSource("connector.class", "FileStreamSource")));
        assertEquals(ConnectorType.SINK, validator.connectorType(fileSink()));
    }

    @Test
    void sinkNeedsExactlyOneOfTopicsAndTopicsRegex() {
        ConfigInfos both = validator.validate(fileSink("topics", "a", "topics.regex", "a.*"));
        assertEquals(SINK_GROUPS, both.groups());
        assertEquals(2, both.errorCount(), () -> String.valueOf(both.errorMessages()));
        assertEquals(1, errors(both, "topics").size());
        assertTrue(errors(both, "topics").get(0).startsWith("Must configure one of topics or topics.regex"),
                errors(both, "topics").get(0));
        assertEquals(errors(both, "topics"), errors(both, "topics.regex"));

        ConfigInfos neither = validator.validate(fileSink());
        assertEquals(2, neither.errorCount());
        assertTrue(errors(neither, "topics").get(0).contains("neither is set"), errors(neither, "topics").get(0));

        assertEquals(0, validator.validate(fileSink("topics", "a")).errorCount());
        assertEquals(0, validator.validate(fileSink("topics.regex", "a.*")).errorCount());
    }

    @Test
    void sinkMustNotConsumeItsDeadLetterQueue() {
        ConfigInfos infos = validator.validate(fileSink("topics", "in,dlq", "errors.deadletterqueue.topic.name", "dlq"));

        assertEquals(1, infos.errorCount());
        assertTrue(errors(infos, "errors.deadletterqueue.topic.name").get(0).contains("dlq"),
                String.valueOf(infos.errorMessages()));
    }

    @Test
    void transformKeysAppearPrefixedInTheirOwnGroup() {
        ConfigInfos infos = validator.validate(fileSource("transforms", "mask", "transforms.mask.type", "MaskField",
                "transforms.mask.salt", "pepper"));

        assertEquals(1, infos.errorCount(), () -> String.valueOf(infos.errorMessages()));
        assertEquals(List.of("Missing required configuration \"transforms.mask.field\" which has no default value."),
                errors(infos, "transforms.mask.field"));
        assertTrue(infos.groups().contains("Transforms: mask"), String.valueOf(infos.groups()));
        List<ConfigInfo> group = infos.configs().stream()
                .filter(info -> info.definition() != null && "Transforms: mask".equals(info.definition().group()))
                .toList();
        assertEquals(List.of("transforms.mask.type", "transforms.mask.negate", "transforms.mask.predicate",
                "transforms.mask.field", "transforms.mask.salt"), group.stream().map(info -> info.value().name()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), group.stream().map(info -> info.definition().orderInGroup()).toList());
        assertEquals("CLASS", group.get(0).definition().type());
        assertEquals("false", group.get(1).value().value());
        assertEquals("[hidden]", config(infos, "transforms.mask.salt").value().value());
        assertEquals(0, validator.validate(fileSource("transforms", "mask", "transforms.mask.type", "MaskField",
                "transforms.mask.field", "ssn")).errorCount());
    }

    @Test
    void unknownTransformTypeIsAnErrorOnItsTypeKey() {
        ConfigInfos infos = validator.validate(fileSource("transforms", "t", "transforms.t.type", "com.example.Nope"));

        assertEquals(1, infos.errorCount(), () -> String.valueOf(infos.errorMessages()));
        String error = errors(infos, "transforms.t.type").get(0);
        assertTrue(error.startsWith("Invalid value com.example.Nope for configuration transforms.t.type: "), error);
        assertTrue(error.contains("io.aqueduct.connect.runtime.herder.testplugins.MaskField"), error);
    }

    @Test
    void transformWhoseConfigFailsIsAnErrorOnItsTypeKey() {
        ConfigInfos infos = validator.validate(fileSource("transforms", "b", "transforms.b.type",
                "BrokenConfigTransform"));

        assertEquals(1, infos.errorCount());
        assertTrue(errors(infos, "transforms.b.type").get(0).contains("broken on purpose"),
                String.valueOf(infos.errorMessages()));
    }

    @Test
    void missingTransformTypeIsReported() {
        ConfigInfos infos = validator.validate(fileSource("transforms", "t"));

        assertEquals(List.of("Missing required configuration \"transforms.t.type\" which has no default value."),
                errors(infos, "transforms.t.type"));
    }

    @Test
    void transformMayOnlyReferToADefinedPredicateAlias() {
        ConfigInfos undefined = validator.validate(fileSource("transforms", "mask", "transforms.mask.type", "MaskField",
                "transforms.mask.field", "f", "transforms.mask.predicate", "onlyA"));

        assertEquals(1, undefined.errorCount(), () -> String.valueOf(undefined.errorMessages()));
        String error = errors(undefined, "transforms.mask.predicate").get(0);
        assertTrue(error.contains("'onlyA'") && error.contains("predicates"), error);

        ConfigInfos defined = validator.validate(fileSource("transforms", "mask", "transforms.mask.type", "MaskField",
                "transforms.mask.field", "f", "transforms.mask.predicate", "onlyA",
                "predicates", "onlyA", "predicates.onlyA.type", "TopicIs", "predicates.onlyA.topic", "a"));
        assertEquals(0, defined.errorCount(), () -> String.valueOf(defined.errorMessages()));
        assertEquals("Predicates: onlyA", config(defined, "predicates.onlyA.topic").definition().group());
        assertEquals("a", config(defined, "predicates.onlyA.topic").value().value());
        assertTrue(defined.groups().containsAll(List.of("Transforms: mask", "Predicates: onlyA")));
    }

    @Test
    void unknownPredicateTypeIsAnErrorOnItsTypeKey() {
        ConfigInfos infos = validator.validate(fileSource("predicates", "p", "predicates.p.type", "Nope"));

        assertEquals(1, infos.errorCount());
        assertTrue(errors(infos, "predicates.p.type").get(0).contains("TopicIs"), String.valueOf(infos.errorMessages()));
    }

    @Test
    void unknownConverterIsAnErrorOnItsKey() {
        ConfigInfos infos = validator.validate(fileSource("value.converter", "com.example.NoConverter"));

        assertEquals(1, infos.errorCount());
        assertTrue(errors(infos, "value.converter").get(0).contains("com.example.NoConverter"),
                String.valueOf(infos.errorMessages()));
        assertEquals(0, validator.validate(fileSource("value.converter", "StringConverter")).errorCount());
    }

    @Test
    void overridePolicyNoneRefusesEveryOverride() {
        ConnectorValidator none = new ConnectorValidator(PLUGINS, ClientOverridePolicy.NONE, true);

        ConfigInfos infos = none.validate(fileSource("producer.override.acks", "all",
                "admin.override.sasl.mechanism", "PLAIN"));

        assertEquals(2, infos.errorCount(), () -> String.valueOf(infos.errorMessages()));
        String error = errors(infos, "producer.override.acks").get(0);
        assertTrue(error.contains("connector.client.config.override.policy=None")
                && error.contains("producer.override.acks"), error);
        assertEquals(1, errors(infos, "admin.override.sasl.mechanism").size());
        assertEquals("all", config(infos, "producer.override.acks").value().value());
    }

    @Test
    void overridePolicyPrincipalAllowsOnlyWhoTheConnectorIs() {
        ConnectorValidator principal = new ConnectorValidator(PLUGINS, ClientOverridePolicy.PRINCIPAL, true);

        ConfigInfos infos = principal.validate(fileSource(
                "producer.override.sasl.jaas.config", "org.example.Login required password=\"x\";",
                "producer.override.security.protocol", "SASL_SSL",
                "consumer.override.sasl.mechanism", "PLAIN",
                "producer.override.acks", "all"));

        assertEquals(1, infos.errorCount(), () -> String.valueOf(infos.errorMessages()));
        assertEquals(1, errors(infos, "producer.override.acks").size());
        assertEquals("[hidden]", config(infos, "producer.override.sasl.jaas.config").value().value());
        assertEquals("PASSWORD", config(infos, "producer.override.sasl.jaas.config").definition().type());
    }

    @Test
    void overridePolicyAllAllowsEverything() {
        ConfigInfos infos = validator.validate(fileSource("producer.override.acks", "all",
                "consumer.override.max.poll.records", "5", "admin.override.request.timeout.ms", "1000"));

        assertEquals(0, infos.errorCount(), () -> String.valueOf(infos.errorMessages()));
        assertEquals("all", config(infos, "producer.override.acks").value().value());
    }

    @Test
    void connectorOwnValidationIsMergedAndPasswordsHidden() {
        Map<String, String> vault = props("connector.class", "VaultSink", "name", "v", "topics", "t",
                "vault.url", "https://vault");
        ConfigInfos missingPassword = validator.validate(vault);

        assertEquals(1, missingPassword.errorCount());
        assertEquals(List.of("A password is required for an https vault URL"),
                errors(missingPassword, "vault.password"));
        assertEquals("Vault", missingPassword.groups().get(missingPassword.groups().size() - 1));
        List<String> names = names(missingPassword);
        assertEquals(List.of("vault.url", "vault.password"), names.subList(names.size() - 2, names.size()));

        vault.put("vault.password", "s3cret");
        ConfigInfos withPassword = validator.validate(vault);
        assertEquals(0, withPassword.errorCount());
        assertEquals("[hidden]", config(withPassword, "vault.password").value().value());
        assertEquals("2.0.0", config(withPassword, "connector.plugin.version").value().value());
    }

    @Test
    void connectorWhoseValidateThrowsGetsAnErrorOnItsClassKey() {
        ConfigInfos infos = validator.validate(props("connector.class", "ExplodingSource", "name", "x"));

        assertEquals(1, infos.errorCount());
        String error = errors(infos, "connector.class").get(0);
        assertTrue(error.contains("ExplodingSourceConnector") && error.contains("explodes on purpose"), error);
    }

    @Test
    void aConnectorPluginVersionThatIsNotInstalledIsAnError() {
        ConfigInfos infos = validator.validate(fileSource("connector.plugin.version", "9.9.9"));

        assertEquals(List.of("Plugin io.aqueduct.connect.file.FileStreamSourceConnector not found that matches the"
                + " version range [9.9.9,9.9.9], available versions: [" + FILE_VERSION + "]"),
                errors(infos, "connector.plugin.version"));
    }

    @Test
    void topicCreationGroupsAreValidatedWhenTheWorkerAllowsTopicCreation() {
        Map<String, String> config = fileSource("topic.creation.default.replication.factor", "0",
                "topic.creation.default.partitions", "1");

        ConfigInfos enabled = validator.validate(config);
        assertEquals(1, errors(enabled, "topic.creation.default.replication.factor").size());
        assertTrue(enabled.groups().contains("Topic Creation Group default"), String.valueOf(enabled.groups()));

        ConfigInfos disabled = new ConnectorValidator(PLUGINS, ClientOverridePolicy.ALL, false).validate(config);
        assertEquals(0, disabled.errorCount());
        assertEquals(SOURCE_GROUPS, disabled.groups());
    }
}
