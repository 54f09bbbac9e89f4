package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.herder.ConfigValidation;
import io.aqueduct.connect.runtime.herder.ConnectorConfigPatch;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.ConnectorTypes;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.InternalRequestSignature;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.herder.RestartPlan;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.herder.WorkerDriver;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.secrets.WorkerConfigTransformer;
import io.aqueduct.connect.runtime.storage.ClusterConfigState;
import io.aqueduct.connect.runtime.storage.KafkaConfigBackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The writes only the group leader performs, on the herder thread: connector configs (create, update, patch,
 * delete), the STOPPED target state, restart requests, task configs (its own and those other workers hand it over
 * the signed internal endpoint), and the check that a connector is STOPPED before its offsets change. On any other
 * worker each of them fails with {@link NotLeaderException} naming the leader, which REST forwards to; while a
 * rebalance is pending they fail with {@link HerderErrors#rebalanceExpected()}.
 */
final class LeaderWrites {

    private static final Logger log = LoggerFactory.getLogger(LeaderWrites.class);
    private static final long TASK_CONFIG_RETRY_MS = 1_000;

    private final DistributedHerder herder;
    private final DistributedConfig config;
    private final KafkaConfigBackingStore configStore;
    private final HerderThread thread;
    private final ConfigValidation validation;
    private final ConnectorTypes connectorTypes;
    private final WorkerConfigTransformer transformer;
    private final LeaderTaskConfigClient leaderClient;
    /** Set once the driver exists: the driver itself stores task configs through {@link #writeTaskConfigs}. */
    private WorkerDriver driver;

    LeaderWrites(DistributedHerder herder, DistributedConfig config, KafkaConfigBackingStore configStore,
                 HerderThread thread, ConfigValidation validation, ConnectorTypes connectorTypes,
                 WorkerConfigTransformer transformer) {
        this.herder = herder;
        this.config = config;
        this.configStore = configStore;
        this.thread = thread;
        this.validation = validation;
        this.connectorTypes = connectorTypes;
        this.transformer = transformer;
        this.leaderClient = new LeaderTaskConfigClient(
                config.getString(DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG));
    }

    void useDriver(WorkerDriver driver) {
        this.driver = driver;
    }

    private ClusterConfigState snapshot() {
        return configStore.snapshot();
    }

    // ---- task configs ----

    /** The leader stores generated task configs itself; another worker hands them to the leader. */
    boolean writeTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        if (herder.isLeader()) {
            configStore.putTaskConfigs(connector, taskConfigs);
            return false; // the commit read back from the topic reconciles the tasks
        }
        String leader = herder.leaderUrl();
        leaderClient.send(leader, connector, taskConfigs, snapshot().sessionKey()).whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.warn("Could not hand the task configs of connector {} to the leader {}: {}; retrying in {} ms",
                        connector, leader, cause.getMessage(), TASK_CONFIG_RETRY_MS);
                thread.schedule("retrying the task configs of connector '" + connector + "'",
                        () -> driver.regenerateTaskConfigs(connector), TASK_CONFIG_RETRY_MS);
            }
        });
        return false;
    }

    CompletableFuture<Void> putTaskConfigs(String connector, List<Map<String, String>> taskConfigs,
                                           InternalRequestSignature signature) {
        return thread.call("storing task configs of connector '" + connector + "' from another worker", () -> {
            InternalRequestSignature.verify(signature, snapshot().sessionKey(),
                    config.getList(DistributedConfig.INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG));
            requireLeader("Only the leader may write task configurations.");
            herder.requireConnector(connector, HerderErrors.connectorNotFound(connector));
            configStore.putTaskConfigs(connector, taskConfigs);
            return null;
        });
    }

    // ---- connector configs ----

    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> connectorConfig,
                                                                 TargetState initialTargetState, boolean allowReplace) {
        Map<String, String> copy = new LinkedHashMap<>(connectorConfig);
        return thread.call("checking whether connector '" + connector + "' exists", () -> {
            requireLeader("Only the leader can create or update connectors.");
            if (!allowReplace && snapshot().contains(connector)) {
                throw HerderErrors.connectorExists(connector);
            }
            return null;
        }).thenCompose(ignored -> validation.requireValid(copy))
                .thenCompose(valid -> thread.call("storing the config of connector '" + connector + "'",
                        () -> storeConfig(connector, copy, initialTargetState, allowReplace)));
    }

    private Created<ConnectorInfo> storeConfig(String connector, Map<String, String> connectorConfig,
                                               TargetState initial, boolean allowReplace) {
        requireLeader("Only the leader can create or update connectors.");
        ClusterConfigState before = snapshot();
        boolean exists = before.contains(connector);
        if (exists && !allowReplace) {
            throw HerderErrors.connectorExists(connector);
        }
        configStore.putConnectorConfig(connector, connectorConfig, exists ? null : initial);
        herder.readConfigToEnd();
        List<ConnectorTaskId> tasks = exists ? before.tasks(connector) : List.of();
        log.info("{} connector {}", exists ? "Updated" : "Created", connector);
        return new Created<>(!exists, new ConnectorInfo(connector, connectorConfig, tasks,
                connectorTypes.typeOf(connectorConfig)));
    }

    CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> configPatch) {
        return thread.call("patching the config of connector '" + connector + "'", () -> {
            requireLeader("Only the leader can update connectors.");
            return ConnectorConfigPatch.apply(connector, snapshot().connectorConfig(connector), configPatch);
        }).thenCompose(merged -> validation.requireValid(merged).thenCompose(valid ->
                thread.call("storing the patched config of connector '" + connector + "'", () -> {
                    herder.requireConnector(connector, HerderErrors.connectorNotFound(connector));
                    return storeConfig(connector, merged, null, true).result();
                })));
    }

    CompletableFuture<Void> deleteConnectorConfig(String connector) {
        return thread.call("deleting connector '" + connector + "'", () -> {
            requireLeader("Only the leader can delete connectors.");
            herder.requireConnector(connector, HerderErrors.connectorNotFound(connector));
            configStore.removeConnectorConfig(connector);
            herder.readConfigToEnd();
            log.info("Deleted connector {}", connector);
            return null;
        });
    }

    // ---- restart requests and STOPPED ----

    CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request) {
        String connector = request.connectorName();
        return thread.call("requesting a restart of connector '" + connector + "'", () -> {
            requireLeader("Only the leader can process restart requests.");
            herder.requireConnector(connector, HerderErrors.unknownConnectorForRestart(connector));
            RestartPlan plan = RestartPlan.of(request, herder.connectorStatus(connector));
            configStore.putRestartRequest(request);
            log.info("Requested restart: {}", plan);
            return plan.answer();
        });
    }

    CompletableFuture<Void> stopConnector(String connector) {
        return thread.call("stopping connector '" + connector + "'", () -> {
            requireLeader("Only the leader can transition connectors to the STOPPED state.");
            herder.requireConnector(connector, HerderErrors.unknownConnectorForTargetState(connector));
            configStore.putTaskConfigs(connector, List.of());
            configStore.putTargetState(connector, TargetState.STOPPED);
            herder.readConfigToEnd();
            return null;
        });
    }

    /** The resolved config of a connector that is STOPPED with no tasks; otherwise the reference's 400. */
    CompletableFuture<Map<String, String>> stoppedConnectorConfig(String connector, String operation) {
        return thread.call("checking connector '" + connector + "' before its offsets " + operation, () -> {
            requireLeader("Only the leader can process " + operation + " offsets requests.");
            herder.readConfigToEnd();
            ClusterConfigState state = snapshot();
            herder.requireConnector(connector, HerderErrors.connectorNotFound(connector));
            if (state.targetState(connector) != TargetState.STOPPED || !state.tasks(connector).isEmpty()
                    || !driver.tasksOf(connector).isEmpty()) {
                throw HerderErrors.offsetsRequireStopped(connector);
            }
            return transformer.transform(connector, state.connectorConfig(connector));
        });
    }

    private void requireLeader(String what) {
        herder.requireSettled();
        if (!herder.isLeader()) {
            throw new NotLeaderException(what, herder.leaderUrl());
        }
    }
}
