package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ActiveTopicsInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.entities.TaskInfo;
import io.aqueduct.connect.runtime.status.StatusBackingStore;
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

    protected AbstractHerder(ConfigBackingStore configStore, StatusBackingStore statusStore,
                             ConnectorTypes connectorTypes, PluginCatalog pluginCatalog, ConfigValidation validation) {
        this.configStore = Objects.requireNonNull(configStore, "configStore");
        this.statusStore = Objects.requireNonNull(statusStore, "statusStore");
        this.connectorTypes = Objects.requireNonNull(connectorTypes, "connectorTypes");
        this.pluginCatalog = Objects.requireNonNull(pluginCatalog, "pluginCatalog");
        this.validation = Objects.requireNonNull(validation, "validation");
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

    /** No topic tracking yet: an empty set for every connector, known or not. */
    @Override
    public ActiveTopicsInfo connectorActiveTopics(String connector) {
        return new ActiveTopicsInfo(connector, List.of());
    }

    @Override
    public CompletableFuture<Void> resetConnectorActiveTopics(String connector) {
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
