package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * Configs kept in memory only, lost when the process ends; used by standalone mode (which loads its connector
 * configs from files at start-up) and tests. Same rules as the Kafka store, but every write is applied before
 * the put method returns, and the listener is called on the writing thread, after the whole write (e.g. after
 * the commit of a task config generation) and before the put method returns. {@link #refresh} has nothing to
 * do. {@link ClusterConfigState#offset()} counts the records written, as if they were in a topic.
 */
public final class MemoryConfigBackingStore implements ConfigBackingStore {

    private final ConfigStateTracker state = new ConfigStateTracker("the in-memory config store");
    /** Keeps the records of one write together and their virtual offsets in order. */
    private final Object writeLock = new Object();
    private long nextOffset;
    private volatile UpdateListener listener;

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public ClusterConfigState snapshot() {
        return state.snapshot();
    }

    @Override
    public void putConnectorConfig(String connector, Map<String, String> properties, TargetState targetState) {
        write(ConfigWrites.connectorConfig(connector, properties, targetState));
    }

    @Override
    public void removeConnectorConfig(String connector) {
        write(ConfigWrites.removeConnector(connector));
    }

    @Override
    public void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        List<ConfigRecord> records = new ArrayList<>(ConfigWrites.taskConfigs(connector, taskConfigs));
        records.add(ConfigWrites.commit(connector, taskConfigs.size()));
        write(records);
    }

    @Override
    public void putTargetState(String connector, TargetState state) {
        write(List.of(ConfigWrites.targetState(connector, state)));
    }

    @Override
    public void putRestartRequest(RestartRequest request) {
        write(List.of(ConfigWrites.restart(request)));
    }

    @Override
    public void putLoggerLevel(String namespace, String level) {
        write(List.of(ConfigWrites.loggerLevel(namespace, level)));
    }

    @Override
    public void putSessionKey(SessionKey sessionKey) {
        write(List.of(ConfigWrites.sessionKey(sessionKey)));
    }

    @Override
    public void refresh(Duration timeout) {
    }

    @Override
    public void setUpdateListener(UpdateListener listener) {
        this.listener = listener;
    }

    private void write(List<ConfigRecord> records) {
        List<ConfigStateTracker.Update> updates = new ArrayList<>();
        synchronized (writeLock) {
            for (ConfigRecord record : records) {
                updates.addAll(state.apply(record, ++nextOffset));
            }
        }
        ConfigStateTracker.deliver(listener, updates);
    }
}
