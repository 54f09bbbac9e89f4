package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.rest.RestServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the Kafka cluster id on its own thread while the rest of the worker starts, and hands it to the REST server
 * so that {@code GET /} answers without waiting for the herder (which, in distributed mode, first reads the internal
 * topics and joins the group). A failure is only logged: the herder reads the id again and reports an unreachable
 * cluster with the full explanation.
 */
final class ClusterIdLookup {

    private static final Logger log = LoggerFactory.getLogger(ClusterIdLookup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ClusterIdLookup() {
    }

    static void inBackground(WorkerConfig config, String clientId, RestServer rest) {
        Map<String, Object> adminConfigs = new HashMap<>(config.adminConfigs());
        adminConfigs.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        Thread thread = new Thread(() -> lookUp(adminConfigs, rest), "kafka-cluster-id-lookup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void lookUp(Map<String, Object> adminConfigs, RestServer rest) {
        try (Admin admin = Admin.create(adminConfigs)) {
            String clusterId = admin.describeCluster().clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (clusterId != null) {
                rest.kafkaClusterId(clusterId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Could not read the Kafka cluster id early; GET / waits for the herder to read it", e);
        }
    }
}
