package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.source.SourceRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformationChainTest {

    private static TransformationChain<SourceRecord> chain(Map<String, String> props) {
        return TransformationChainFactory.parse(TestPlugins.get(), props).build(TestPlugins.get());
    }

    private static SourceRecord record(String value) {
        return new SourceRecord(Map.of("p", 1), Map.of("o", 1), "topic", Schema.STRING_SCHEMA, value);
    }

    private static Map<String, String> suffixes() {
        Map<String, String> props = new HashMap<>();
        props.put("transforms", "first, second");
        props.put("transforms.first.type", AppendSuffix.class.getName());
        props.put("transforms.first.suffix", "-1");
        props.put("transforms.second.type", AppendSuffix.class.getName());
        props.put("transforms.second.suffix", "-2");
        return props;
    }

    @Test
    void appliesTransformationsInListedOrder() {
        try (TransformationChain<SourceRecord> chain = chain(suffixes())) {
            assertEquals("x-1-2", chain.apply(record("x")).value());
        }
        Map<String, String> reversed = suffixes();
        reversed.put("transforms", "second,first");
        try (TransformationChain<SourceRecord> chain = chain(reversed)) {
            assertEquals("x-2-1", chain.apply(record("x")).value());
        }
    }

    @Test
    void noTransformsLeavesRecordsAlone() {
        try (TransformationChain<SourceRecord> chain = chain(Map.of())) {
            SourceRecord record = record("x");
            assertTrue(chain.isEmpty());
            assertEquals(record, chain.apply(record));
        }
    }

    @Test
    void aDroppedRecordSkipsTheRestOfTheChain() {
        Map<String, String> props = suffixes();
        props.put("transforms", "first,drop,second");
        props.put("transforms.drop.type", DropAll.class.getName());
        try (TransformationChain<SourceRecord> chain = chain(props)) {
            assertNull(chain.apply(record("x")));
        }
    }

    @Test
    void aPredicateLimitsATransformationToTheRecordsItHoldsFor() {
        Map<String, String> props = new HashMap<>();
        props.put("transforms", "drop");
        props.put("transforms.drop.type", DropAll.class.getName());
        props.put("transforms.drop.predicate", "isSkip");
        props.put("predicates", "isSkip");
        props.put("predicates.isSkip.type", ValueStartsWith.class.getName());
        props.put("predicates.isSkip.prefix", "skip");
        try (TransformationChain<SourceRecord> chain = chain(props)) {
            assertNull(chain.apply(record("skip-me")));
            assertEquals("keep", chain.apply(record("keep")).value());
        }
    }

    @Test
    void negateAppliesTheTransformationWhereThePredicateDoesNotHold() {
        Map<String, String> props = suffixes();
        props.put("transforms", "first");
        props.put("transforms.first.predicate", "isSkip");
        props.put("transforms.first.negate", "true");
        props.put("predicates", "isSkip");
        props.put("predicates.isSkip.type", ValueStartsWith.class.getName());
        props.put("predicates.isSkip.prefix", "skip");
        try (TransformationChain<SourceRecord> chain = chain(props)) {
            assertEquals("skip-me", chain.apply(record("skip-me")).value());
            assertEquals("keep-1", chain.apply(record("keep")).value());
        }
    }

    @Test
    void refusesAMissingTypeNamingTheKey() {
        Map<String, String> props = suffixes();
        props.remove("transforms.second.type");
        ConfigException error = assertThrows(ConfigException.class,
                () -> TransformationChainFactory.parse(TestPlugins.get(), props));
        assertTrue(error.getMessage().contains("transforms.second.type"), error.getMessage());
    }

    @Test
    void refusesAnUnknownPredicateAliasNamingTheKey() {
        Map<String, String> props = suffixes();
        props.put("transforms.first.predicate", "nowhere");
        ConfigException error = assertThrows(ConfigException.class,
                () -> TransformationChainFactory.parse(TestPlugins.get(), props));
        assertTrue(error.getMessage().contains("transforms.first.predicate"), error.getMessage());
        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
    }

    @Test
    void refusesANegateThatIsNotABoolean() {
        Map<String, String> props = suffixes();
        props.put("transforms.first.negate", "maybe");
        ConfigException error = assertThrows(ConfigException.class,
                () -> TransformationChainFactory.parse(TestPlugins.get(), props));
        assertTrue(error.getMessage().contains("transforms.first.negate"), error.getMessage());
    }

    @Test
    void refusesAnUnknownTransformationClass() {
        Map<String, String> props = suffixes();
        props.put("transforms.first.type", "com.example.NoSuchTransform");
        ConfigException error = assertThrows(ConfigException.class,
                () -> TransformationChainFactory.parse(TestPlugins.get(), props));
        assertTrue(error.getMessage().contains("transforms.first.type"), error.getMessage());
    }
}
