package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ActiveTopicsInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.Message;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.entities.TaskInfo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the REST layer asks of the component that owns the desired state of connectors (standalone or
 * distributed). REST resources are thin translators over this interface and never know which mode runs.
 *
 * <h2>Threading and blocking</h2>
 * <ul>
 *   <li><b>Reads</b> (plain return values) are called on Jetty request threads, possibly many at once. They must
 *   answer at once from a local snapshot and never wait for a herder operation, a rebalance or connector code.
 *   A snapshot may lag slightly behind the latest write.</li>
 *   <li><b>Writes</b>, and anything that may run connector code, return a {@link CompletableFuture} at once and do
 *   the work elsewhere. REST waits for the future with a bounded request timeout (90 s by default) and then
 *   answers 500 naming the operation; the operation itself is not cancelled and may still complete.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * Reads throw, futures complete exceptionally, with:
 * <ul>
 *   <li>{@link io.aqueduct.connect.errors.NotFoundException} (404), {@link io.aqueduct.connect.errors.AlreadyExistsException}
 *   (409), {@link io.aqueduct.connect.runtime.rest.errors.ConnectRestException} (its status) — use
 *   {@link HerderErrors} for the wording clients expect;</li>
 *   <li>{@link NotLeaderException} when a write must be done by the leader: REST forwards the request to the
 *   leader's URL (or answers 409 when the client forbade forwarding, or no leader became reachable within the
 *   request timeout). The herder must not have changed anything when it fails this way;</li>
 *   <li>{@link RebalanceNeededException} when a rebalance is expected. For writes, REST calls the same method again
 *   after a short backoff (see {@link #rebalanceSettled()}) until its request timeout, so here too the herder must
 *   not have changed anything; reads answer 500 at once;</li>
 *   <li>anything else: 500 with its message.</li>
 * </ul>
 * Connector names given to these methods come from clients: they are checked by REST for emptiness,
 * surrounding whitespace, control characters and {@code '/'} before any write, but reads may see any name.
 */
public interface Herder {

    // ---- lifecycle and worker -------------------------------------------------------------------------------

    /** True once the herder has finished starting and can serve requests; REST answers 503 until then. */
    boolean isReady();

    /**
     * Completes when the herder's own request processing is responsive (e.g. the distributed herder's tick thread
     * ran a no-op request). Used by {@code GET /health}, which reports "unhealthy" if this does not complete
     * within its own timeout. The default completes at once.
     */
    default CompletableFuture<Void> healthCheck() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * What the herder is busy with right now, e.g. "waiting for connector 'x' to stop", for request timeout
     * messages. Empty when idle or unknown.
     */
    default Optional<String> currentActivity() {
        return Optional.empty();
    }

    /**
     * A signal for REST, which retries a write that failed with {@link RebalanceNeededException} until its request
     * timeout: the returned future completes when the rebalance that is under way (or expected) has finished, so the
     * retry can happen at once instead of after its next backoff step. May be called on any Jetty thread, must not
     * block, and should return an already completed future when no rebalance is pending. Completing it early or
     * never is harmless: REST also polls with a short backoff. The default never completes, i.e. "no signal, poll".
     */
    default CompletableFuture<Void> rebalanceSettled() {
        return new CompletableFuture<>();
    }

    /** Id of the Kafka cluster the worker uses, for {@code GET /}. */
    String kafkaClusterId();

    // ---- reads (answer at once) ---------------------------------------------------------------------------

    /** Names of all connectors, in a stable order. */
    Collection<String> connectors();

    /** @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#connectorNotFound} */
    ConnectorInfo connectorInfo(String connector);

    /** The config as stored, including {@code name}. @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#connectorNotFound} */
    Map<String, String> connectorConfig(String connector);

    /** @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#noStatusForConnector} */
    ConnectorStateInfo connectorStatus(String connector);

    /** @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#noStatusForTask} */
    ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id);

    /**
     * Current task configs; empty while the connector is STOPPED or before its tasks were generated.
     *
     * @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#connectorNotFound}
     * @throws RebalanceNeededException                     when the task set is about to change
     */
    List<TaskInfo> taskConfigs(String connector);

    /**
     * Topics the connector used since the last reset; an empty set for unknown connectors (not an error).
     *
     * @throws io.aqueduct.connect.runtime.rest.errors.ConnectRestException {@link HerderErrors#topicTrackingDisabled}
     */
    ActiveTopicsInfo connectorActiveTopics(String connector);

    /**
     * Installed plugins: connectors first, then (unless {@code connectorsOnly}) transformations, predicates,
     * converters and header converters; alphabetical by class name within each group.
     */
    List<PluginInfo> connectorPlugins(boolean connectorsOnly);

    /**
     * Config definition of a plugin (for connectors: the plugin's keys followed by the framework's connector keys).
     *
     * @param plugin  fully qualified class name, simple class name or alias
     * @param version a version, or null for the latest
     * @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#unknownPlugin}
     * @throws io.aqueduct.connect.runtime.rest.errors.BadRequestException when no installed version matches
     */
    List<ConfigKeyInfo> connectorPluginConfig(String plugin, String version);

    // ---- writes and connector code (futures) ---------------------------------------------------------------

    /**
     * Validates a connector config (runs the connector's own validation).
     *
     * @param config contains {@code connector.class} (REST guarantees it)
     */
    CompletableFuture<ConfigInfos> validateConnectorConfig(Map<String, String> config);

    /**
     * Creates a connector, or replaces the config of an existing one.
     *
     * @param connector          connector name (REST already checked it and put it as {@code name} into the config)
     * @param config             the full new config
     * @param initialTargetState state of a newly created connector; null means {@link TargetState#STARTED}.
     *                           Ignored when replacing.
     * @param allowReplace       false for {@code POST /connectors}: an existing connector fails the future with
     *                           {@link HerderErrors#connectorExists}
     * @return whether it was created, and the connector's info as of the answer (tasks: those known then)
     */
    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                 TargetState initialTargetState, boolean allowReplace);

    /**
     * Merges a patch into an existing connector config: a null value removes the key. The name is not checked.
     * Fails with {@link HerderErrors#connectorNotFound} or {@link HerderErrors#invalidConfig}.
     */
    CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> configPatch);

    /** Deletes a connector. Fails with {@link HerderErrors#connectorNotFound}. */
    CompletableFuture<Void> deleteConnectorConfig(String connector);

    /** Restarts the connector instance only. Fails with {@link HerderErrors#unknownConnectorForRestart}. */
    CompletableFuture<Void> restartConnector(String connector);

    /**
     * Restarts the connector and/or tasks the request selects; completes with the status in which every selected
     * instance shows {@code RESTARTING}. Fails with {@link HerderErrors#unknownConnectorForRestart}.
     */
    CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request);

    /** Restarts one task. Fails with {@link HerderErrors#unknownConnectorForRestart} or {@link HerderErrors#unknownTask}. */
    CompletableFuture<Void> restartTask(ConnectorTaskId id);

    /** Sets target state PAUSED (idempotent). Fails with {@link HerderErrors#unknownConnectorForTargetState}. */
    CompletableFuture<Void> pauseConnector(String connector);

    /** Sets target state STARTED (idempotent). Fails with {@link HerderErrors#unknownConnectorForTargetState}. */
    CompletableFuture<Void> resumeConnector(String connector);

    /** Sets target state STOPPED (idempotent). Fails with {@link HerderErrors#unknownConnectorForTargetState}. */
    CompletableFuture<Void> stopConnector(String connector);

    /** Clears the connector's active topics (also for unknown connectors). */
    CompletableFuture<Void> resetConnectorActiveTopics(String connector);

    /** Committed offsets of the connector, in any state. Fails with {@link HerderErrors#connectorNotFound}. */
    CompletableFuture<ConnectorOffsets> connectorOffsets(String connector);

    /**
     * Alters offsets of a STOPPED connector. REST guarantees a non-empty map with non-null partitions; a null offset
     * removes the partition. Fails with {@link HerderErrors#connectorNotFound},
     * {@link HerderErrors#offsetsRequireStopped} or the connector's own validation error.
     *
     * @return {@link Message#offsetsAltered()} on success
     */
    CompletableFuture<Message> alterConnectorOffsets(String connector, Map<Map<String, ?>, Map<String, ?>> offsets);

    /** Resets all offsets of a STOPPED connector; completes with {@link Message#offsetsReset()}. */
    CompletableFuture<Message> resetConnectorOffsets(String connector);

    /**
     * Sets a logger level on every worker of the cluster ({@code PUT /admin/loggers/{l}?scope=cluster}). REST has
     * already checked the level name. A herder that cannot do this (standalone) fails with a
     * {@link io.aqueduct.connect.runtime.rest.errors.ConnectRestException} saying so, e.g. 404 or 501.
     */
    CompletableFuture<Void> setClusterLoggerLevel(String namespace, String level);

    /**
     * Stores task configs that a connector running on another worker generated ({@code POST /connectors/{c}/tasks},
     * an internal endpoint between the workers of a cluster). Only the leader writes them. Fails with a 400 when the
     * request is unsigned, 403 when the signature is wrong ({@link InternalRequestSignature#verify}),
     * {@link NotLeaderException} on a follower and {@link HerderErrors#connectorNotFound}. Herders without a
     * cluster (standalone) refuse every such request; that is the default.
     *
     * @param taskConfigs the config of task 0, 1, ... in order
     * @param signature   the request's signature, or null when it carried none
     */
    default CompletableFuture<Void> putTaskConfigs(String connector, List<Map<String, String>> taskConfigs,
                                                   InternalRequestSignature signature) {
        if (signature == null) {
            return CompletableFuture.failedFuture(
                    new io.aqueduct.connect.runtime.rest.errors.BadRequestException("Internal request missing required signature"));
        }
        return CompletableFuture.failedFuture(new io.aqueduct.connect.runtime.rest.errors.BadRequestException(
                "This worker runs in standalone mode and takes no task configs from other workers"));
    }
}
