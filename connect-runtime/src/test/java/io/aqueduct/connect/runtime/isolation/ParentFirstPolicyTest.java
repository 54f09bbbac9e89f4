package io.aqueduct.connect.runtime.isolation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentFirstPolicyTest {

    @Test
    void sharedTypesComeFromTheParent() {
        assertTrue(ParentFirstPolicy.isParentFirst("java.lang.String"));
        assertTrue(ParentFirstPolicy.isParentFirst("javax.net.ssl.SSLContext"));
        assertTrue(ParentFirstPolicy.isParentFirst("org.w3c.dom.Document"));
        assertTrue(ParentFirstPolicy.isParentFirst("jdk.internal.misc.Unsafe"));
        assertTrue(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.source.SourceConnector"));
        assertTrue(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.runtime.Worker"));
        assertTrue(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.json.JsonConverter"));
        assertTrue(ParentFirstPolicy.isParentFirst("org.apache.kafka.clients.producer.KafkaProducer"));
        assertTrue(ParentFirstPolicy.isParentFirst("org.slf4j.LoggerFactory"));
        assertTrue(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.transforms.Transformation"));
        assertTrue(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.transforms.predicates.Predicate"));
    }

    @Test
    void pluginPackagesAndLibrariesAreChildFirst() {
        assertFalse(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.file.FileStreamSourceConnector"));
        assertFalse(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.transforms.Cast$Value"));
        assertFalse(ParentFirstPolicy.isParentFirst("io.aqueduct.connect.transforms.predicates.TopicNameMatches"));
        assertFalse(ParentFirstPolicy.isParentFirst("com.fasterxml.jackson.databind.ObjectMapper"));
        assertFalse(ParentFirstPolicy.isParentFirst("com.google.common.collect.ImmutableList"));
        assertFalse(ParentFirstPolicy.isParentFirst("javax.inject.Inject"));
        assertFalse(ParentFirstPolicy.isParentFirst("io.aqueductx.Other"));
        assertFalse(ParentFirstPolicy.isParentFirst("Unpackaged"));
    }

    @Test
    void resourcesFollowTheirPackage() {
        assertTrue(ParentFirstPolicy.isResourceParentFirst("org/apache/kafka/common/config/ConfigDef.class"));
        assertTrue(ParentFirstPolicy.isResourceParentFirst("/java/lang/Object.class"));
        assertFalse(ParentFirstPolicy.isResourceParentFirst("META-INF/services/io.aqueduct.connect.storage.Converter"));
        assertFalse(ParentFirstPolicy.isResourceParentFirst("com/fasterxml/jackson/core/json/VERSION"));
        assertFalse(ParentFirstPolicy.isResourceParentFirst("log4j.properties"));
    }

    @Test
    void classNamesThatCannotBePluginsAreFilteredBeforeLoading() {
        assertTrue(PluginClassShape.mayBePlugin("com.acme.Widget"));
        assertTrue(PluginClassShape.mayBePlugin("com.acme.Cast$Value"));
        assertFalse(PluginClassShape.mayBePlugin("com.acme.Widget$1"));
        assertFalse(PluginClassShape.mayBePlugin("com.acme.Widget$1Local"));
        assertFalse(PluginClassShape.mayBePlugin("module-info"));
        assertFalse(PluginClassShape.mayBePlugin("com.acme.package-info"));
        assertFalse(PluginClassShape.mayBePlugin("META-INF.versions.11.com.acme.Widget"));
    }
}
