package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Worker settings of distributed mode: the common keys plus the worker group and its three internal topics,
 * with Apache Kafka Connect's key names and defaults.
 *
 * <p>Two timings differ from Apache on purpose, and only while the user leaves the key unset:
 * <ul>
 *   <li>{@code scheduled.rebalance.max.delay.ms}: Apache waits up to 5 minutes before it hands a lost worker's
 *       work to the survivors. We hand it over in the first rebalance after the group noticed the loss, unless
 *       the key is set explicitly ({@link #lostWorkDelayMs()}).</li>
 *   <li>{@code heartbeat.interval.ms}: survivors only learn of a rebalance on their next heartbeat, so with
 *       Apache's 3 s a hand-over can take 3 s after the group noticed the loss. Unless the key is set
 *       explicitly, the worker group heartbeats every {@code session.timeout.ms / 20} (at most 3 s;
 *       {@link #membershipHeartbeatIntervalMs()}).</li>
 * </ul>
 */
public final class DistributedConfig extends WorkerConfig {

    public static final String GROUP_ID_CONFIG = "group.id";
    public static final String CONFIG_TOPIC_CONFIG = "config.storage.topic";
    public static final String CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG = "config.storage.replication.factor";
    public static final String OFFSET_STORAGE_TOPIC_CONFIG = "offset.storage.topic";
    public static final String OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG = "offset.storage.replication.factor";
    public static final String OFFSET_STORAGE_PARTITIONS_CONFIG = "offset.storage.partitions";
    public static final String STATUS_STORAGE_TOPIC_CONFIG = "status.storage.topic";
    public static final String STATUS_STORAGE_REPLICATION_FACTOR_CONFIG = "status.storage.replication.factor";
    public static final String STATUS_STORAGE_PARTITIONS_CONFIG = "status.storage.partitions";
    public static final String SESSION_TIMEOUT_MS_CONFIG = "session.timeout.ms";
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    public static final String REBALANCE_TIMEOUT_MS_CONFIG = "rebalance.timeout.ms";
    public static final String SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG = "scheduled.rebalance.max.delay.ms";
    public static final String WORKER_SYNC_TIMEOUT_MS_CONFIG = "worker.sync.timeout.ms";
    public static final String WORKER_UNSYNC_BACKOFF_MS_CONFIG = "worker.unsync.backoff.ms";
    public static final String CONNECT_PROTOCOL_CONFIG = "connect.protocol";
    public static final String INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG = "inter.worker.key.generation.algorithm";
    public static final String INTER_WORKER_KEY_SIZE_CONFIG = "inter.worker.key.size";
    public static final String INTER_WORKER_KEY_TTL_MS_CONFIG = "inter.worker.key.ttl.ms";
    public static final String INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG = "inter.worker.signature.algorithm";
    public static final String INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG = "inter.worker.verification.algorithms";
    public static final String EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG = "exactly.once.source.support";

    public static final String GROUP_ID_DEFAULT = "connect-cluster";
    public static final short REPLICATION_FACTOR_DEFAULT = 3;
    public static final int OFFSET_STORAGE_PARTITIONS_DEFAULT = 25;
    public static final int STATUS_STORAGE_PARTITIONS_DEFAULT = 5;
    public static final int HEARTBEAT_INTERVAL_MS_DEFAULT = 3_000;
    public static final int SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT = 300_000;
    public static final String HMAC_SHA256 = "HmacSHA256";

    /** The worker group protocols Apache offers; all are accepted, ours is always incremental and cooperative. */
    public enum ConnectProtocol { EAGER, COMPATIBLE, SESSIONED }

    /** Apache's exactly-once source support levels; {@code enabled} is refused until it is implemented. */
    public enum ExactlyOnceSourceSupport { DISABLED, PREPARING, ENABLED }

    // Validators first: CONFIG below uses them during class initialisation.
    private static final ConfigDef.Validator REPLICATION_FACTOR = (name, value) -> {
        short factor = (Short) value;
        if (factor != -1 && factor < 1) {
            throw new ConfigException(name, value, "Use a replication factor of 1 or more, or -1 for the broker default");
        }
    };

    private static final ConfigDef.Validator PARTITIONS = (name, value) -> {
        int partitions = (Integer) value;
        if (partitions != -1 && partitions < 1) {
            throw new ConfigException(name, value, "Use 1 or more partitions, or -1 for the broker default");
        }
    };

    private static final ConfigDef.Validator KEY_GENERATOR = (name, value) -> {
        try {
            KeyGenerator.getInstance((String) value);
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            throw new ConfigException(name, value, "This JVM has no key generator by that name; use e.g. " + HMAC_SHA256);
        }
    };

    private static final ConfigDef.Validator MAC = (name, value) -> checkMac(name, (String) value);

    private static final ConfigDef.Validator MAC_LIST = (name, value) -> {
        List<?> algorithms = (List<?>) value;
        if (algorithms.isEmpty()) {
            throw new ConfigException(name, value, "Name at least one MAC algorithm, e.g. " + HMAC_SHA256);
        }
        for (Object algorithm : algorithms) {
            checkMac(name, (String) algorithm);
        }
    };

    private static final ConfigDef CONFIG = define(baseConfigDef());

    private static ConfigDef define(ConfigDef def) {
        return def
                .define(GROUP_ID_CONFIG, Type.STRING, GROUP_ID_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The worker group this worker belongs to: workers with the same group.id share the work.")
                .define(CONFIG_TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "The compacted topic (1 partition) holding connector and task configurations.")
                .define(CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, Type.SHORT, REPLICATION_FACTOR_DEFAULT,
                        REPLICATION_FACTOR, Importance.LOW,
                        "Replication factor of the config topic when the worker creates it; -1 uses the broker default.")
                .define(OFFSET_STORAGE_TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The compacted topic holding source connectors' offsets.")
                .define(OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, Type.SHORT, REPLICATION_FACTOR_DEFAULT,
                        REPLICATION_FACTOR, Importance.LOW,
                        "Replication factor of the offsets topic when the worker creates it; -1 uses the broker default.")
                .define(OFFSET_STORAGE_PARTITIONS_CONFIG, Type.INT, OFFSET_STORAGE_PARTITIONS_DEFAULT, PARTITIONS,
                        Importance.LOW, "Partitions of the offsets topic when the worker creates it; -1 uses the broker default.")
                .define(STATUS_STORAGE_TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The compacted topic holding connector and task statuses.")
                .define(STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, Type.SHORT, REPLICATION_FACTOR_DEFAULT,
                        REPLICATION_FACTOR, Importance.LOW,
                        "Replication factor of the status topic when the worker creates it; -1 uses the broker default.")
                .define(STATUS_STORAGE_PARTITIONS_CONFIG, Type.INT, STATUS_STORAGE_PARTITIONS_DEFAULT, PARTITIONS,
                        Importance.LOW, "Partitions of the status topic when the worker creates it; -1 uses the broker default.")
                .define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "How long the group waits for a silent worker (crashed, hung or cut off) before it gives its"
                                + " work to the others. Must lie within the broker's group.min/max.session.timeout.ms.")
                .define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, HEARTBEAT_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                        Importance.HIGH, "How often the worker tells the group it is alive; lower than session.timeout.ms."
                                + " Unset, the worker uses session.timeout.ms / 20 (at most 3000) so rebalances are"
                                + " noticed quickly.")
                .define(REBALANCE_TIMEOUT_MS_CONFIG, Type.INT, 60_000, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "How long the group waits for every worker to rejoin once a rebalance has begun.")
                .define(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, Type.INT, SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How long the work of a worker that dropped out of the group (crashed, killed or cut off)"
                                + " is held back for it to return. Unset, lost work is handed to the remaining workers"
                                + " at once. A worker that stops gracefully hands its work over at once either way.")
                .define(WORKER_SYNC_TIMEOUT_MS_CONFIG, Type.INT, 3_000, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                        "How long a worker out of step with the config topic tries to catch up before it leaves the"
                                + " group and backs off.")
                .define(WORKER_UNSYNC_BACKOFF_MS_CONFIG, Type.INT, 300_000, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                        "How long a worker that could not catch up with the config topic waits before it rejoins.")
                .define(CONNECT_PROTOCOL_CONFIG, Type.STRING, "sessioned", caseInsensitiveNames(ConnectProtocol.values()),
                        Importance.LOW, "Apache's worker group protocol (eager, compatible, sessioned). Accepted for"
                                + " compatibility: assignment is always incremental and cooperative.")
                .define(INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG, Type.STRING, HMAC_SHA256, KEY_GENERATOR,
                        Importance.LOW, "Algorithm that generates the key signing requests between workers.")
                .define(INTER_WORKER_KEY_SIZE_CONFIG, Type.INT, null, Importance.LOW,
                        "Size in bits of the inter-worker key; unset uses the algorithm's default size.")
                .define(INTER_WORKER_KEY_TTL_MS_CONFIG, Type.INT, 3_600_000, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How long an inter-worker key is used before the leader generates a new one.")
                .define(INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG, Type.STRING, HMAC_SHA256, MAC, Importance.LOW,
                        "Algorithm that signs requests between workers.")
                .define(INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG, Type.LIST, HMAC_SHA256, MAC_LIST, Importance.LOW,
                        "Algorithms accepted when verifying requests between workers; must include"
                                + " inter.worker.signature.algorithm.")
                .define(EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, Type.STRING, "disabled",
                        caseInsensitiveNames(ExactlyOnceSourceSupport.values()), Importance.HIGH,
                        "Exactly-once support for source connectors: disabled or preparing (enabled is not supported yet).");
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public DistributedConfig(Map<String, String> props) {
        super(CONFIG, props);
        checkHeartbeatBelowSessionTimeout();
        checkVerificationIncludesSignature();
        checkKeySize();
        if (exactlyOnceSourceSupport() == ExactlyOnceSourceSupport.ENABLED) {
            throw new ConfigException(EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, getString(EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG),
                    "Exactly-once source support is not supported yet by this worker; set "
                            + EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG + " to disabled or preparing");
        }
    }

    public String groupId() {
        return getString(GROUP_ID_CONFIG);
    }

    public String configTopic() {
        return getString(CONFIG_TOPIC_CONFIG);
    }

    public String offsetTopic() {
        return getString(OFFSET_STORAGE_TOPIC_CONFIG);
    }

    public String statusTopic() {
        return getString(STATUS_STORAGE_TOPIC_CONFIG);
    }

    public int sessionTimeoutMs() {
        return getInt(SESSION_TIMEOUT_MS_CONFIG);
    }

    public int rebalanceTimeoutMs() {
        return getInt(REBALANCE_TIMEOUT_MS_CONFIG);
    }

    /** Whether the user set {@code key} in the worker properties rather than relying on its default. */
    public boolean isExplicit(String key) {
        return originals().containsKey(key);
    }

    /**
     * The heartbeat interval the worker group uses: {@code heartbeat.interval.ms} when set explicitly, otherwise
     * {@code session.timeout.ms / 20} capped at Apache's 3000 (500 with the default session timeout), so that a
     * worker leaving or dying is noticed by the others about a second after the group knows.
     */
    public int membershipHeartbeatIntervalMs() {
        if (isExplicit(HEARTBEAT_INTERVAL_MS_CONFIG)) {
            return getInt(HEARTBEAT_INTERVAL_MS_CONFIG);
        }
        return Math.max(1, Math.min(HEARTBEAT_INTERVAL_MS_DEFAULT, sessionTimeoutMs() / 20));
    }

    /**
     * How long the leader holds back the work of a worker that dropped out of the group, waiting for it to return:
     * {@code scheduled.rebalance.max.delay.ms} when set explicitly, otherwise 0 (hand it over at once). Never
     * applies to a worker that stops gracefully: it announces that it leaves and its work moves at once.
     */
    public long lostWorkDelayMs() {
        return isExplicit(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG) ? getInt(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG) : 0L;
    }

    public ConnectProtocol connectProtocol() {
        return ConnectProtocol.valueOf(getString(CONNECT_PROTOCOL_CONFIG).toUpperCase(Locale.ROOT));
    }

    public ExactlyOnceSourceSupport exactlyOnceSourceSupport() {
        return ExactlyOnceSourceSupport.valueOf(getString(EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG).toUpperCase(Locale.ROOT));
    }

    private void checkHeartbeatBelowSessionTimeout() {
        int heartbeat = membershipHeartbeatIntervalMs();
        if (heartbeat >= sessionTimeoutMs()) {
            throw new ConfigException(HEARTBEAT_INTERVAL_MS_CONFIG, heartbeat, "It must be lower than "
                    + SESSION_TIMEOUT_MS_CONFIG + " (" + sessionTimeoutMs() + "); a third of it or less is usual");
        }
    }

    private void checkVerificationIncludesSignature() {
        String signature = getString(INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG);
        List<String> verification = getList(INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG);
        if (!verification.contains(signature)) {
            throw new ConfigException(INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG, verification,
                    "It must include the signature algorithm " + signature + " set by "
                            + INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG + ", or the workers could not verify their own requests");
        }
    }

    private void checkKeySize() {
        Integer size = getInt(INTER_WORKER_KEY_SIZE_CONFIG);
        if (size == null) {
            return;
        }
        String algorithm = getString(INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG);
        try {
            KeyGenerator.getInstance(algorithm).init(size);
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            throw new ConfigException(INTER_WORKER_KEY_SIZE_CONFIG, size, "The key generation algorithm " + algorithm
                    + " does not accept this size (" + e.getMessage() + "); unset it to use the algorithm's default");
        }
    }

    private static ConfigDef.Validator caseInsensitiveNames(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name().toLowerCase(Locale.ROOT);
        }
        return ConfigDef.CaseInsensitiveValidString.in(names);
    }

    private static void checkMac(String name, String algorithm) {
        try {
            Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            throw new ConfigException(name, algorithm, "This JVM has no MAC algorithm by that name; use e.g. " + HMAC_SHA256);
        }
    }
}
