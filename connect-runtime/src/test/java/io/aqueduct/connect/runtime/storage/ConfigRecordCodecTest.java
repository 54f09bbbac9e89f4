package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_CONFIGS;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_SRC_CONFIG;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_SRC_TASK_CONFIG;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.props;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.task;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

class ConfigRecordCodecTest {

    private static final String REFERENCE_KEY = "s/nl5YyvJYzW43Pwffvx9wIG94S9jNoML5iWn/sXy7U=";

    @Test
    void sessionKeyIsWrittenAsTheReferenceRecord() {
        SessionKey key = SessionKey.of(Base64.getDecoder().decode(REFERENCE_KEY), "HmacSHA256", 1795235489435L);
        ConfigRecord record = new ConfigRecord.SessionKeyUpdate(key);

        assertEquals("session-key", ConfigRecordCodec.key(record));
        assertEquals(EOS_CONFIGS.get(0)[1], text(ConfigRecordCodec.value(record)));
    }

    @Test
    void connectorAndTaskConfigsAreWrittenAsTheReferenceRecordsKeepingKeyOrder() {
        ConfigRecord connector = new ConfigRecord.ConnectorConfig("eos-src", EOS_SRC_CONFIG);
        ConfigRecord taskConfig = new ConfigRecord.TaskConfig(task("eos-src", 0), EOS_SRC_TASK_CONFIG);

        assertEquals("connector-eos-src", ConfigRecordCodec.key(connector));
        assertEquals(EOS_CONFIGS.get(1)[1], text(ConfigRecordCodec.value(connector)));
        assertEquals("task-eos-src-0", ConfigRecordCodec.key(taskConfig));
        assertEquals(EOS_CONFIGS.get(2)[1], text(ConfigRecordCodec.value(taskConfig)));
    }

    @Test
    void commitsAreWrittenWithTheTaskCount() {
        assertEquals("commit-eos-src", ConfigRecordCodec.key(new ConfigRecord.TaskCommit("eos-src", 1)));
        assertEquals("{\"tasks\":1}", text(ConfigRecordCodec.value(new ConfigRecord.TaskCommit("eos-src", 1))));
        assertEquals("{\"tasks\":0}", text(ConfigRecordCodec.value(new ConfigRecord.TaskCommit("eos-src", 0))));
    }

    @Test
    void targetStatesCarryTheOldAndTheNewField() {
        assertEquals("target-state-eos-src",
                ConfigRecordCodec.key(new ConfigRecord.TargetStateChange("eos-src", TargetState.STOPPED)));
        assertEquals("{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}", targetState(TargetState.STOPPED));
        assertEquals("{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}", targetState(TargetState.PAUSED));
        assertEquals("{\"state\":\"STARTED\",\"state.v2\":\"STARTED\"}", targetState(TargetState.STARTED));
    }

    @Test
    void deletionsAreTombstones() {
        assertNull(ConfigRecordCodec.value(new ConfigRecord.ConnectorConfig("eos-src2", null)));
        assertNull(ConfigRecordCodec.value(new ConfigRecord.TargetStateChange("eos-src2", null)));
    }

    @Test
    void restartRequestsListIncludeTasksBeforeOnlyFailed() {
        ConfigRecord record = new ConfigRecord.Restart(new RestartRequest("ref-src", false, true));

        assertEquals("restart-connector-ref-src", ConfigRecordCodec.key(record));
        assertEquals("{\"include-tasks\":true,\"only-failed\":false}", text(ConfigRecordCodec.value(record)));
        assertEquals("{\"include-tasks\":false,\"only-failed\":true}", text(ConfigRecordCodec.value(
                new ConfigRecord.Restart(new RestartRequest("ref-src", true, false)))));
    }

    @Test
    void loggerLevelsKeepTheLevelAsGiven() {
        ConfigRecord record = new ConfigRecord.LoggerLevel("org.apache.kafka.connect", "debug");

        assertEquals("logger-cluster-org.apache.kafka.connect", ConfigRecordCodec.key(record));
        assertEquals("{\"level\":\"debug\"}", text(ConfigRecordCodec.value(record)));
    }

    @Test
    void propertiesAreEscapedLikeJacksonWithoutEscapingNonAscii() {
        ConfigRecord record = new ConfigRecord.ConnectorConfig("c",
                props("quote", "a\"b", "slash", "a/b\\c", "tab", "a\tb", "umlaut", "Grüße"));

        assertEquals("{\"properties\":{\"quote\":\"a\\\"b\",\"slash\":\"a/b\\\\c\",\"tab\":\"a\\tb\","
                + "\"umlaut\":\"Grüße\"}}", text(ConfigRecordCodec.value(record)));
    }

    @Test
    void everyReferenceRecordReadsBackAndWritesTheSameBytes() {
        List<String> ignored = new ArrayList<>();
        for (String[] keyValue : EOS_CONFIGS) {
            ConfigRecord record = ConfigRecordCodec.decode(keyValue[0], bytes(keyValue[1]));
            if (record instanceof ConfigRecord.Ignored) {
                ignored.add(keyValue[0]);
                continue;
            }
            assertEquals(keyValue[0], ConfigRecordCodec.key(record));
            assertEquals(keyValue[1], text(ConfigRecordCodec.value(record)), "value of " + keyValue[0]);
        }
        assertEquals(List.of("tasks-fencing-eos-src", "tasks-fencing-eos-src2"), ignored);
    }

    @Test
    void readsEachRecordType() {
        assertEquals(new ConfigRecord.ConnectorConfig("eos-src", EOS_SRC_CONFIG),
                ConfigRecordCodec.decode("connector-eos-src", bytes(EOS_CONFIGS.get(1)[1])));
        assertEquals(List.copyOf(EOS_SRC_CONFIG.keySet()), List.copyOf(((ConfigRecord.ConnectorConfig)
                ConfigRecordCodec.decode("connector-eos-src", bytes(EOS_CONFIGS.get(1)[1]))).properties().keySet()));
        assertEquals(new ConfigRecord.TaskCommit("eos-src", 0),
                ConfigRecordCodec.decode("commit-eos-src", bytes("{\"tasks\":0}")));
        assertEquals(new ConfigRecord.Restart(new RestartRequest("x", true, false)),
                ConfigRecordCodec.decode("restart-connector-x", bytes("{\"include-tasks\":false,\"only-failed\":true}")));
        assertEquals(new ConfigRecord.LoggerLevel("org.foo", "debug"),
                ConfigRecordCodec.decode("logger-cluster-org.foo", bytes("{\"level\":\"debug\"}")));
        assertEquals(new ConfigRecord.ConnectorConfig("gone", null), ConfigRecordCodec.decode("connector-gone", null));
        assertEquals(new ConfigRecord.TargetStateChange("gone", null),
                ConfigRecordCodec.decode("target-state-gone", null));

        SessionKey key = ((ConfigRecord.SessionKeyUpdate) ConfigRecordCodec.decode("session-key",
                bytes(EOS_CONFIGS.get(0)[1]))).sessionKey();
        assertEquals(32, key.key().getEncoded().length);
        assertEquals("HmacSHA256", key.key().getAlgorithm());
        assertEquals(1795235489435L, key.creationTimestamp());
        assertFalse(key.toString().contains(REFERENCE_KEY), "toString must not show the key");
    }

    @Test
    void taskNumbersFollowTheLastDashSoConnectorNamesMayContainDashesAndDigits() {
        ConfigRecord record = ConfigRecordCodec.decode("task-my-conn-12-3", bytes("{\"properties\":{}}"));

        assertEquals(new ConfigRecord.TaskConfig(task("my-conn-12", 3), Map.of()), record);
        assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("task-noNumber", bytes("{\"properties\":{}}")));
        assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("task-c-x", bytes("{\"properties\":{}}")));
    }

    @Test
    void readsOldStyleTargetStatesAndPrefersTheNewField() {
        assertEquals(TargetState.PAUSED, decodeTargetState("{\"state\":\"PAUSED\"}"));
        assertEquals(TargetState.STARTED, decodeTargetState("{\"state\":\"STARTED\"}"));
        assertEquals(TargetState.STOPPED, decodeTargetState("{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"));
        // A state a newer runtime invented: fall back to the field every version understands.
        assertEquals(TargetState.PAUSED, decodeTargetState("{\"state\":\"PAUSED\",\"state.v2\":\"HIBERNATING\"}"));
        SerializationException e = assertThrows(SerializationException.class,
                () -> decodeTargetState("{\"state\":\"SLEEPING\"}"));
        assertTrue(e.getMessage().contains("target-state-c"), e.getMessage());
        assertTrue(e.getMessage().contains("SLEEPING"), e.getMessage());
    }

    @Test
    void unknownKeysAndTombstonesOfNeverDeletedRecordsAreIgnored() {
        assertInstanceOf(ConfigRecord.Ignored.class,
                ConfigRecordCodec.decode("tasks-fencing-eos-src", bytes("{\"task-count\":1}")));
        assertInstanceOf(ConfigRecord.Ignored.class, ConfigRecordCodec.decode("something-new", bytes("{}")));
        assertInstanceOf(ConfigRecord.Ignored.class, ConfigRecordCodec.decode("commit-c", null));
        assertInstanceOf(ConfigRecord.Ignored.class, ConfigRecordCodec.decode("task-c-0", null));
        assertInstanceOf(ConfigRecord.Ignored.class, ConfigRecordCodec.decode("session-key", null));
    }

    @Test
    void malformedValuesAreRejectedNamingTheKeyWithoutShowingSecrets() {
        SerializationException notJson = assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("connector-c", bytes("{\"properties\":{\"password\":\"hunter2\"")));
        assertTrue(notJson.getMessage().contains("'connector-c'"), notJson.getMessage());
        assertFalse(notJson.getMessage().contains("hunter2"), notJson.getMessage());

        SerializationException noProperties = assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("task-c-0", bytes("{\"password\":\"hunter2\"}")));
        assertTrue(noProperties.getMessage().contains("{\"properties\":{...}}"), noProperties.getMessage());
        assertFalse(noProperties.getMessage().contains("hunter2"), noProperties.getMessage());

        SerializationException badCount = assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("commit-c", bytes("{\"tasks\":-1}")));
        assertTrue(badCount.getMessage().contains("'commit-c'") && badCount.getMessage().contains("-1"),
                badCount.getMessage());
        assertThrows(SerializationException.class, () -> ConfigRecordCodec.decode("commit-c", bytes("[1]")));
        assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("restart-connector-c", bytes("{\"include-tasks\":\"yes\"}")));
        assertThrows(SerializationException.class,
                () -> ConfigRecordCodec.decode("logger-cluster-x", bytes("{\"level\":3}")));
        assertThrows(SerializationException.class, () -> ConfigRecordCodec.decode("connector-", bytes("{}")));
        SerializationException badKey = assertThrows(SerializationException.class, () -> ConfigRecordCodec.decode(
                "session-key", bytes("{\"key\":\"!!!\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":1}")));
        assertTrue(badKey.getMessage().contains("base64"), badKey.getMessage());
    }

    private static TargetState decodeTargetState(String value) {
        return ((ConfigRecord.TargetStateChange) ConfigRecordCodec.decode("target-state-c", bytes(value))).state();
    }

    private static String targetState(TargetState state) {
        return text(ConfigRecordCodec.value(new ConfigRecord.TargetStateChange("c", state)));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        assertArrayEquals(bytes, bytes == null ? null : new String(bytes, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8), "not valid UTF-8");
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
