package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributedConfigTest {

    private static Map<String, String> distributed(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(DistributedConfig.CONFIG_TOPIC_CONFIG, "connect-configs");
        props.put(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, "connect-offsets");
        props.put(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, "connect-status");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static ConfigException refused(String... keyValues) {
        return assertThrows(ConfigException.class, () -> new DistributedConfig(distributed(keyValues)));
    }

    @Test
    void defaultsMatchApacheKafkaConnect() {
        DistributedConfig config = new DistributedConfig(distributed());
        assertEquals("connect-cluster", config.groupId());
        assertEquals("connect-configs", config.configTopic());
        assertEquals("connect-offsets", config.offsetTopic());
        assertEquals("connect-status", config.statusTopic());
        assertEquals((short) 3, config.getShort(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG));
        assertEquals((short) 3, config.getShort(DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG));
        assertEquals((short) 3, config.getShort(DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG));
        assertEquals(25, config.getInt(DistributedConfig.OFFSET_STORAGE_PARTITIONS_CONFIG));
        assertEquals(5, config.getInt(DistributedConfig.STATUS_STORAGE_PARTITIONS_CONFIG));
        assertFalse(config.values().containsKey("config.storage.partitions"));
        assertEquals(10_000, config.sessionTimeoutMs());
        assertEquals(3_000, config.getInt(DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertEquals(60_000, config.rebalanceTimeoutMs());
        assertEquals(300_000, config.getInt(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG));
        assertEquals(3_000, config.getInt(DistributedConfig.WORKER_SYNC_TIMEOUT_MS_CONFIG));
        assertEquals(300_000, config.getInt(DistributedConfig.WORKER_UNSYNC_BACKOFF_MS_CONFIG));
        assertEquals(DistributedConfig.ConnectProtocol.SESSIONED, config.connectProtocol());
        assertEquals("HmacSHA256", config.getString(DistributedConfig.INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG));
        assertNull(config.getInt(DistributedConfig.INTER_WORKER_KEY_SIZE_CONFIG));
        assertEquals(3_600_000, config.getInt(DistributedConfig.INTER_WORKER_KEY_TTL_MS_CONFIG));
        assertEquals("HmacSHA256", config.getString(DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG));
        assertEquals(List.of("HmacSHA256"), config.getList(DistributedConfig.INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG));
        assertEquals(DistributedConfig.ExactlyOnceSourceSupport.DISABLED, config.exactlyOnceSourceSupport());
    }

    @Test
    void lostWorkIsReassignedAtOnceUnlessTheDelayIsSetExplicitly() {
        assertEquals(0L, new DistributedConfig(distributed()).lostWorkDelayMs());
        DistributedConfig explicitDefault = new DistributedConfig(
                distributed(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "300000"));
        assertEquals(300_000L, explicitDefault.lostWorkDelayMs());
        assertTrue(explicitDefault.isExplicit(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG));
        assertEquals(0L, new DistributedConfig(
                distributed(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "0")).lostWorkDelayMs());
        assertTrue(refused(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "-1").getMessage()
                .contains(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG));
    }

    @Test
    void heartbeatFollowsTheSessionTimeoutUnlessSetExplicitly() {
        assertEquals(500, new DistributedConfig(distributed()).membershipHeartbeatIntervalMs());
        assertEquals(300, new DistributedConfig(distributed(DistributedConfig.SESSION_TIMEOUT_MS_CONFIG, "6000"))
                .membershipHeartbeatIntervalMs());
        assertEquals(3_000, new DistributedConfig(distributed(DistributedConfig.SESSION_TIMEOUT_MS_CONFIG, "90000"))
                .membershipHeartbeatIntervalMs());
        assertEquals(3_000, new DistributedConfig(distributed(DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000"))
                .membershipHeartbeatIntervalMs());
    }

    @Test
    void heartbeatMustBeBelowTheSessionTimeout() {
        ConfigException e = refused(DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "10000");
        assertTrue(e.getMessage().contains(DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG), e.getMessage());
        assertTrue(e.getMessage().contains(DistributedConfig.SESSION_TIMEOUT_MS_CONFIG), e.getMessage());
    }

    @Test
    void storageTopicsAreRequired() {
        for (String key : List.of(DistributedConfig.CONFIG_TOPIC_CONFIG, DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG,
                DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG)) {
            Map<String, String> props = distributed();
            props.remove(key);
            ConfigException e = assertThrows(ConfigException.class, () -> new DistributedConfig(props));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        assertTrue(refused(DistributedConfig.CONFIG_TOPIC_CONFIG, "").getMessage()
                .contains(DistributedConfig.CONFIG_TOPIC_CONFIG));
    }

    @Test
    void replicationFactorAndPartitionsAcceptMinusOneForTheBrokerDefault() {
        DistributedConfig config = new DistributedConfig(distributed(
                DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, "-1",
                DistributedConfig.OFFSET_STORAGE_PARTITIONS_CONFIG, "-1",
                DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, "1"));
        assertEquals((short) -1, config.getShort(DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG));
        assertEquals(-1, config.getInt(DistributedConfig.OFFSET_STORAGE_PARTITIONS_CONFIG));
        ConfigException zero = refused(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, "0");
        assertTrue(zero.getMessage().contains(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG), zero.getMessage());
        assertTrue(zero.getMessage().contains("-1 for the broker default"), zero.getMessage());
        ConfigException negative = refused(DistributedConfig.STATUS_STORAGE_PARTITIONS_CONFIG, "-2");
        assertTrue(negative.getMessage().contains("-2"), negative.getMessage());
    }

    @Test
    void connectProtocolAcceptsApacheValues() {
        assertEquals(DistributedConfig.ConnectProtocol.EAGER,
                new DistributedConfig(distributed(DistributedConfig.CONNECT_PROTOCOL_CONFIG, "eager")).connectProtocol());
        assertEquals(DistributedConfig.ConnectProtocol.COMPATIBLE,
                new DistributedConfig(distributed(DistributedConfig.CONNECT_PROTOCOL_CONFIG, "COMPATIBLE")).connectProtocol());
        assertTrue(refused(DistributedConfig.CONNECT_PROTOCOL_CONFIG, "magic").getMessage().contains("magic"));
    }

    @Test
    void exactlyOnceSourceEnabledIsRefusedAsNotSupportedYet() {
        assertEquals(DistributedConfig.ExactlyOnceSourceSupport.PREPARING, new DistributedConfig(
                distributed(DistributedConfig.EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, "preparing")).exactlyOnceSourceSupport());
        ConfigException e = refused(DistributedConfig.EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, "enabled");
        assertTrue(e.getMessage().contains(DistributedConfig.EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG), e.getMessage());
        assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
        assertTrue(refused(DistributedConfig.EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, "maybe").getMessage().contains("maybe"));
    }

    @Test
    void interWorkerAlgorithmsAreChecked() {
        ConfigException unknownMac = refused(DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG, "HmacNope",
                DistributedConfig.INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG, "HmacNope");
        assertTrue(unknownMac.getMessage().contains("HmacNope"), unknownMac.getMessage());
        ConfigException unknownGenerator = refused(DistributedConfig.INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG, "Nope");
        assertTrue(unknownGenerator.getMessage().contains(DistributedConfig.INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG));
        ConfigException missingSignature = refused(DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG, "HmacSHA512");
        assertTrue(missingSignature.getMessage().contains(DistributedConfig.INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG),
                missingSignature.getMessage());
        DistributedConfig ok = new DistributedConfig(distributed(
                DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG, "HmacSHA512",
                DistributedConfig.INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG, "HmacSHA256,HmacSHA512",
                DistributedConfig.INTER_WORKER_KEY_SIZE_CONFIG, "512"));
        assertEquals(512, ok.getInt(DistributedConfig.INTER_WORKER_KEY_SIZE_CONFIG));
        assertTrue(refused(DistributedConfig.INTER_WORKER_KEY_SIZE_CONFIG, "-5").getMessage()
                .contains(DistributedConfig.INTER_WORKER_KEY_SIZE_CONFIG));
    }

    @Test
    void commonWorkerKeysStillApply() {
        DistributedConfig config = new DistributedConfig(distributed(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092"));
        assertEquals("broker:9092", config.commonClientConfigs().get(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertTrue(DistributedConfig.configDef().configKeys().containsKey(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG));
    }
}
