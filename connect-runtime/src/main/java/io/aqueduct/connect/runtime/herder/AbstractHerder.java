package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.rest.entities.ActiveTopicsInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.entities.TaskInfo;
import io.aqueduct.connect.runtime.status.StatusBackingStore;
import io.aqueduct.connect.runtime.status.TopicStatus;
import io.aqueduct.connect.runtime.storage.ClusterConfigState;
import io.aqueduct.connect.runtime.storage.ConfigBackingStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The part of a herder that does not depend on the mode: REST reads answered from the config store's snapshot
 * and the status store (never waiting for the herder's own work), plugin listings, and validation off the
 * herder's thread. Subclasses own the writes and decide where and in which order they happen.
 */
public abstract class AbstractHerder implements Herder {

    protected final ConfigBackingStore configStore;
    protected final StatusBackingStore statusStore;
    protected final ConnectorTypes connectorTypes;
    private final PluginCatalog pluginCatalog;
    private final ConfigValidation validation;
    private final boolean topicTracking;
    private final boolean topicTrackingReset;

    /** @param workerConfig where {@code topic.tracking.enable} and {@code topic.tracking.allow.reset} are read */
    protected AbstractHerder(ConfigBackingStore configStore, StatusBackingStore statusStore,
                             ConnectorTypes connectorTypes, PluginCatalog pluginCatalog, ConfigValidation validation,
                             WorkerConfig workerConfig) {
        this.configStore = Objects.requireNonNull(configStore, "configStore");
        this.statusStore = Objects.requireNonNull(statusStore, "statusStore");
        this.connectorTypes = Objects.requireNonNull(connectorTypes, "connectorTypes");
        this.pluginCatalog = Objects.requireNonNull(pluginCatalog, "pluginCatalog");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.topicTracking = workerConfig.getBoolean(WorkerConfig.TOPIC_TRACKING_ENABLE_CONFIG);
        this.topicTrackingReset = workerConfig.getBoolean(WorkerConfig.TOPIC_TRACKING_ALLOW_RESET_CONFIG);
    }

    /** The validation subclasses run before storing a config. */
    protected ConfigValidation validation() {
        return validation;
    }

    /** The latest snapshot of the desired state. */
    protected ClusterConfigState snapshot() {
        return configStore.snapshot();
    }

    @Override
    public Collection<String> connectors() {
        return snapshot().connectors();
    }

    @Override
    public ConnectorInfo connectorInfo(String connector) {
        return connectorInfo(snapshot(), connector);
    }

    /** @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#connectorNotFound} */
    protected ConnectorInfo connectorInfo(ClusterConfigState state, String connector) {
        Map<String, String> config = state.connectorConfig(connector);
        if (config == null) {
            throw HerderErrors.connectorNotFound(connector);
        }
        return new ConnectorInfo(connector, config, state.tasks(connector), connectorTypes.typeOf(config));
    }

    @Override
    public Map<String, String> connectorConfig(String connector) {
        Map<String, String> config = snapshot().connectorConfig(connector);
        if (config == null) {
            throw HerderErrors.connectorNotFound(connector);
        }
        return config;
    }

    @Override
    public ConnectorStateInfo connectorStatus(String connector) {
        Map<String, String> config = snapshot().connectorConfig(connector);
        ConnectorType type = config == null ? ConnectorType.UNKNOWN : connectorTypes.typeOf(config);
        return StatusViews.connectorState(statusStore, connector, type);
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return StatusViews.taskState(statusStore, id);
    }

    @Override
    public List<TaskInfo> taskConfigs(String connector) {
        ClusterConfigState state = snapshot();
        if (!state.contains(connector)) {
            throw HerderErrors.connectorNotFound(connector);
        }
        List<TaskInfo> tasks = new ArrayList<>();
        for (ConnectorTaskId id : state.tasks(connector)) {
            tasks.add(new TaskInfo(id, state.taskConfig(id)));
        }
        return tasks;
    }

    /** From the status store, as every worker sees it; sorted by name, empty for unknown connectors. */
    @Override
    public ActiveTopicsInfo connectorActiveTopics(String connector) {
        if (!topicTracking) {
            throw HerderErrors.topicTrackingDisabled();
        }
        List<String> topics = new ArrayList<>();
        for (TopicStatus status : statusStore.getAllTopics(connector)) {
            topics.add(status.topic());
        }
        topics.sort(null);
        return new ActiveTopicsInfo(connector, topics);
    }

    /**
     * Any worker may reset, without the leader (as the reference): it removes each active-topic entry of the
     * connector from the status store, and every worker's tasks then report their topics again (they listen for
     * removals on the status store). Completes once the removals are sent.
     */
    @Override
    public CompletableFuture<Void> resetConnectorActiveTopics(String connector) {
        if (!topicTracking) {
            return CompletableFuture.failedFuture(HerderErrors.topicTrackingDisabled());
        }
        if (!topicTrackingReset) {
            return CompletableFuture.failedFuture(HerderErrors.topicTrackingResetDisabled());
        }
        for (TopicStatus status : statusStore.getAllTopics(connector)) {
            statusStore.deleteTopic(connector, status.topic());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<PluginInfo> connectorPlugins(boolean connectorsOnly) {
        return pluginCatalog.connectorPlugins(connectorsOnly);
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String plugin, String version) {
        return pluginCatalog.connectorPluginConfig(plugin, version);
    }

    @Override
    public CompletableFuture<ConfigInfos> validateConnectorConfig(Map<String, String> config) {
        return validation.validate(config);
    }
}
