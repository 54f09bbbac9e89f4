package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.herder.BackgroundStart;
import io.aqueduct.connect.runtime.storage.KafkaConfigBackingStore;
import io.aqueduct.connect.runtime.storage.KafkaOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.KafkaStatusBackingStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The three internal topic stores of a distributed worker, built from its settings with Apache's client ids
 * ({@code <group.id>-configs|offsets|statuses}), and the herder's two of them started and closed side by side.
 */
public final class DistributedStores {

    private static final Logger log = LoggerFactory.getLogger(DistributedStores.class);

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

    /** The herder's Admin client (cluster id, offsets of connectors), with a client id naming the worker. */
    static Admin herderAdmin(DistributedConfig config, String workerId) {
        Map<String, Object> adminConfigs = new HashMap<>(config.adminConfigs());
        adminConfigs.put(AdminClientConfig.CLIENT_ID_CONFIG, config.groupId() + "-herder-admin-" + workerId);
        return Admin.create(adminConfigs);
    }

    /**
     * Waits for the cluster id {@code lookup} reads.
     *
     * @throws ConnectException naming {@code bootstrap.servers} when it cannot be read within {@code timeout}
     */
    static String clusterId(KafkaFuture<String> lookup, DistributedConfig config, Duration timeout) {
        try {
            return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the Kafka cluster id", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not reach the Kafka cluster at " + WorkerConfig.BOOTSTRAP_SERVERS_CONFIG
                    + "=" + config.getList(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG) + " within "
                    + timeout.toSeconds() + " s to read its cluster id (" + e + ")", e);
        }
    }

    /**
     * Starts (reads) the config and status stores side by side: the topics are independent and each start is a
     * cold client plus a read to the end. Returns when both are read; throws the first failure.
     */
    static void startTogether(String workerId, KafkaConfigBackingStore configStore,
                              KafkaStatusBackingStore statusStore) {
        CompletableFuture<Void> statusRead = BackgroundStart.run("status-store-start-" + workerId, statusStore::start);
        try {
            configStore.start();
        } finally {
            BackgroundStart.await(statusRead, "read the status topic");
        }
    }

    /**
     * Closes the herder's Admin client (may be null) and its two stores side by side, since each takes a few
     * hundred ms to close its clients; returns when all are closed. Failures of the Admin client and the status
     * store are logged, a failure of the config store is thrown.
     */
    static void closeTogether(String workerId, Admin admin, KafkaStatusBackingStore statusStore,
                              KafkaConfigBackingStore configStore) {
        List<Thread> closing = new ArrayList<>();
        if (admin != null) {
            closing.add(closeIn(workerId, "admin client", () -> admin.close(Duration.ofSeconds(5))));
        }
        closing.add(closeIn(workerId, "status store", statusStore::stop));
        try {
            configStore.stop();
        } finally {
            for (Thread t : closing) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private static Thread closeIn(String workerId, String what, Runnable close) {
        Thread t = new Thread(() -> {
            try {
                close.run();
            } catch (RuntimeException e) {
                log.warn("Closing the {} of worker {} failed", what, workerId, e);
            }
        }, "distributed-herder-close-" + what.replace(' ', '-') + "-" + workerId);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
