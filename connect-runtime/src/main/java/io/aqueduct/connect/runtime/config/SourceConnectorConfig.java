package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.Map;

/**
 * A source connector's framework keys: the common ones, topic creation, exactly-once support and the
 * connector-specific offsets topic. The per-group topic creation keys are defined by
 * {@link TopicCreationGroups#enrich} once the groups are known.
 */
public class SourceConnectorConfig extends ConnectorConfig {

    public static final String TOPIC_CREATION_GROUP = "Topic Creation";
    public static final String EXACTLY_ONCE_SUPPORT_GROUP = "Exactly Once Support";
    public static final String OFFSETS_TOPIC_GROUP = "offsets.topic";

    public static final String TOPIC_CREATION_GROUPS_CONFIG = "topic.creation.groups";
    public static final String EXACTLY_ONCE_SUPPORT_CONFIG = "exactly.once.support";
    public static final String TRANSACTION_BOUNDARY_CONFIG = "transaction.boundary";
    public static final String TRANSACTION_BOUNDARY_INTERVAL_CONFIG = "transaction.boundary.interval.ms";
    public static final String OFFSETS_TOPIC_CONFIG = "offsets.storage.topic";

    public static ConfigDef configDef() {
        return ConnectorConfig.configDef()
                .define(TOPIC_CREATION_GROUPS_CONFIG, Type.LIST, "", aliasesValidator(TOPIC_CREATION_GROUPS_CONFIG),
                        Importance.LOW, "Names of topic creation groups besides 'default'. Each group chooses"
                                + " topics with topic.creation.<group>.include/exclude and sets their partitions,"
                                + " replication factor and other topic settings.",
                        TOPIC_CREATION_GROUP, 1, Width.LONG, "Topic Creation Groups")
                .define(EXACTLY_ONCE_SUPPORT_CONFIG, Type.STRING, "requested",
                        ConfigDef.CaseInsensitiveValidString.in("requested", "required"), Importance.MEDIUM,
                        "Whether the connector must declare exactly-once support ('required') or need not ('requested').",
                        EXACTLY_ONCE_SUPPORT_GROUP, 1, Width.SHORT, "Exactly once support")
                .define(TRANSACTION_BOUNDARY_CONFIG, Type.STRING, "poll",
                        ConfigDef.CaseInsensitiveValidString.in("poll", "interval", "connector"), Importance.MEDIUM,
                        "Where transactions end with exactly-once support: after each poll, at an interval, or"
                                + " where the connector says.",
                        EXACTLY_ONCE_SUPPORT_GROUP, 2, Width.SHORT, "Transaction Boundary")
                .define(TRANSACTION_BOUNDARY_INTERVAL_CONFIG, Type.LONG, null, nullOrAtLeastZero(), Importance.LOW,
                        "With transaction.boundary=interval: the transaction length in milliseconds; the worker's"
                                + " offset.flush.interval.ms when unset.",
                        EXACTLY_ONCE_SUPPORT_GROUP, 3, Width.SHORT, "Transaction boundary interval")
                .define(OFFSETS_TOPIC_CONFIG, Type.STRING, null, Importance.LOW,
                        "A topic of its own for this connector's offsets; the worker's offsets topic when unset.",
                        OFFSETS_TOPIC_GROUP, 1, Width.LONG, "Offsets topic");
    }

    /**
     * {@link #configDef()} plus the per-group {@code topic.creation.<group>.*} keys that {@code props}
     * turns on; what a source connector's config is validated against when the worker allows topic creation.
     */
    public static ConfigDef enrichedConfigDef(Map<String, String> props) {
        return TopicCreationGroups.enrich(configDef(), props);
    }

    private static ConfigDef.Validator nullOrAtLeastZero() {
        return (name, value) -> {
            if (value != null) {
                ConfigDef.Range.atLeast(0).ensureValid(name, value);
            }
        };
    }

    public SourceConnectorConfig(Map<String, String> props) {
        super(TopicCreationGroups.enrich(configDef(), props), props);
    }
}
