package io.aqueduct.connect.runtime.storage;

import java.util.List;
import java.util.Map;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * What the Kafka and the memory config store have in common: each put turns into the records {@link ConfigWrites}
 * lists, handed to {@link #write} as one batch, and the state is whatever a {@link ConfigStateTracker} made of
 * the records read. Task configs are left to each store, as the two commit a generation differently.
 */
abstract class RecordWritingConfigBackingStore implements ConfigBackingStore {

    /** The state read so far; subclasses apply every record they read to it. */
    final ConfigStateTracker state;
    private volatile UpdateListener listener;

    /** @param source names where the records come from in log messages, e.g. "config topic connect-configs" */
    RecordWritingConfigBackingStore(String source) {
        this.state = new ConfigStateTracker(source);
    }

    /** Stores the records of one put, in order; returns once the store accepted all of them. */
    abstract void write(List<ConfigRecord> records);

    /** Calls the listener, if there is one, with the updates {@link #state} returned. */
    final void deliver(List<ConfigStateTracker.Update> updates) {
        ConfigStateTracker.deliver(listener, updates);
    }

    @Override
    public final ClusterConfigState snapshot() {
        return state.snapshot();
    }

    @Override
    public final void setUpdateListener(UpdateListener listener) {
        this.listener = listener;
    }

    @Override
    public final void putConnectorConfig(String connector, Map<String, String> properties, TargetState targetState) {
        write(ConfigWrites.connectorConfig(connector, properties, targetState));
    }

    @Override
    public final void removeConnectorConfig(String connector) {
        write(ConfigWrites.removeConnector(connector));
    }

    @Override
    public final void putTargetState(String connector, TargetState state) {
        write(List.of(ConfigWrites.targetState(connector, state)));
    }

    @Override
    public final void putRestartRequest(RestartRequest request) {
        write(List.of(ConfigWrites.restart(request)));
    }

    @Override
    public final void putLoggerLevel(String namespace, String level) {
        write(List.of(ConfigWrites.loggerLevel(namespace, level)));
    }

    @Override
    public final void putSessionKey(SessionKey sessionKey) {
        write(List.of(ConfigWrites.sessionKey(sessionKey)));
    }
}
