package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.storage.KafkaConfigBackingStore;
import io.aqueduct.connect.runtime.storage.KafkaOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.KafkaStatusBackingStore;

/**
 * The three internal topic stores of a distributed worker, built from its settings with Apache's client ids
 * ({@code <group.id>-configs|offsets|statuses}). None is started here.
 */
public final class DistributedStores {

    private DistributedStores() {
    }

    public static KafkaOffsetBackingStore offsetStore(DistributedConfig config) {
        return new KafkaOffsetBackingStore(config.offsetTopic(),
                config.getInt(DistributedConfig.OFFSET_STORAGE_PARTITIONS_CONFIG),
                config.getShort(DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG),
                config.commonClientConfigs(), config.groupId() + "-offsets");
    }

    public static KafkaConfigBackingStore configStore(DistributedConfig config) {
        return new KafkaConfigBackingStore(config.configTopic(),
                config.getShort(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG),
                config.producerConfigs(), config.consumerConfigs(), config.adminConfigs(),
                config.groupId() + "-configs");
    }

    public static KafkaStatusBackingStore statusStore(DistributedConfig config) {
        return new KafkaStatusBackingStore(config.statusTopic(),
                config.getInt(DistributedConfig.STATUS_STORAGE_PARTITIONS_CONFIG),
                config.getShort(DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG),
                config.producerConfigs(), config.consumerConfigs(), config.adminConfigs(),
                config.groupId() + "-statuses");
    }
}
