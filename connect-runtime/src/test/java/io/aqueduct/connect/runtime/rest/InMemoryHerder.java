package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.runtime.herder.ConnectorConfigPatch;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.ConnectorType;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.rest.entities.ActiveTopicsInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigValueInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffset;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.Message;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.entities.TaskInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A herder that keeps everything in memory and runs no connector code: enough behaviour to exercise every REST
 * path. Writes wait for {@link #writesGate} so tests can make them hang.
 */
final class InMemoryHerder implements Herder {

    static final String WORKER_ID = "127.0.0.1:8083";
    static final String VERSION = "4.3.1";
    static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";

    private static final class Connector {
        Map<String, String> config;
        TargetState target;
        List<Map<String, String>> taskConfigs = new ArrayList<>();
        final Set<Integer> failedTasks = new java.util.HashSet<>();
        final List<ConnectorOffset> offsets = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
    }

    volatile boolean ready = true;
    volatile CompletableFuture<Void> writesGate = CompletableFuture.completedFuture(null);
    volatile CompletableFuture<Void> health = CompletableFuture.completedFuture(null);
    volatile String activity;
    final List<String> clusterLoggerLevels = new CopyOnWriteArrayList<>();
    final List<RestartRequest> restarts = new CopyOnWriteArrayList<>();
    private final Map<String, Connector> connectors = new LinkedHashMap<>();

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return health;
    }

    @Override
    public Optional<String> currentActivity() {
        return Optional.ofNullable(activity);
    }

    @Override
    public String kafkaClusterId() {
        return "test-cluster-id";
    }

    @Override
    public synchronized Collection<String> connectors() {
        return List.copyOf(connectors.keySet());
    }

    @Override
    public synchronized ConnectorInfo connectorInfo(String name) {
        return info(name, existing(name, HerderErrors.connectorNotFound(name)));
    }

    @Override
    public synchronized Map<String, String> connectorConfig(String name) {
        return new LinkedHashMap<>(existing(name, HerderErrors.connectorNotFound(name)).config);
    }

    @Override
    public synchronized ConnectorStateInfo connectorStatus(String name) {
        return status(name, existing(name, HerderErrors.noStatusForConnector(name)));
    }

    @Override
    public synchronized ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        Connector c = existing(id.connector(), HerderErrors.noStatusForTask(id));
        if (id.task() < 0 || id.task() >= c.taskConfigs.size()) {
            throw HerderErrors.noStatusForTask(id);
        }
        return taskState(c, id.task());
    }

    @Override
    public synchronized List<TaskInfo> taskConfigs(String name) {
        Connector c = existing(name, HerderErrors.connectorNotFound(name));
        List<TaskInfo> tasks = new ArrayList<>();
        for (int i = 0; i < c.taskConfigs.size(); i++) {
            tasks.add(new TaskInfo(new ConnectorTaskId(name, i), c.taskConfigs.get(i)));
        }
        return tasks;
    }

    @Override
    public synchronized ActiveTopicsInfo connectorActiveTopics(String name) {
        Connector c = connectors.get(name);
        return new ActiveTopicsInfo(name, c == null ? List.of() : List.copyOf(c.topics));
    }

    @Override
    public List<PluginInfo> connectorPlugins(boolean connectorsOnly) {
        List<PluginInfo> plugins = new ArrayList<>(List.of(new PluginInfo(SINK, "sink", VERSION),
                new PluginInfo(SOURCE, "source", VERSION)));
        if (!connectorsOnly) {
            plugins.add(new PluginInfo("org.apache.kafka.connect.storage.StringConverter", "converter", VERSION));
        }
        return plugins;
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String plugin, String version) {
        resolveClass(plugin).orElseThrow(() -> HerderErrors.unknownPlugin(plugin));
        if (version != null && !version.equals(VERSION)) {
            throw new BadRequestException("Plugin " + plugin + " not found that matches the version range ["
                    + version + "," + version + "], available versions: [" + VERSION + "]");
        }
        return List.of(topicKey(), tasksMaxKey());
    }

    @Override
    public CompletableFuture<ConfigInfos> validateConnectorConfig(Map<String, String> config) {
        return write(() -> validate(config));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String name, Map<String, String> config,
                                                                        TargetState initial, boolean allowReplace) {
        return write(() -> {
            ConfigInfos validation = validate(config);
            if (validation.errorCount() > 0) {
                throw HerderErrors.invalidConfig(validation);
            }
            synchronized (this) {
                Connector existing = connectors.get(name);
                if (existing != null && !allowReplace) {
                    throw HerderErrors.connectorExists(name);
                }
                Connector c = existing != null ? existing : new Connector();
                c.config = new LinkedHashMap<>(config);
                if (existing == null) {
                    c.target = initial == null ? TargetState.STARTED : initial;
                    connectors.put(name, c);
                }
                ConnectorInfo answer = info(name, c);
                regenerateTasks(c);
                return new Created<>(existing == null, answer);
            }
        });
    }

    @Override
    public CompletableFuture<ConnectorInfo> patchConnectorConfig(String name, Map<String, String> patch) {
        return write(() -> {
            synchronized (this) {
                Connector c = existing(name, HerderErrors.connectorNotFound(name));
                Map<String, String> merged = ConnectorConfigPatch.apply(name, c.config, patch);
                ConfigInfos validation = validate(merged);
                if (validation.errorCount() > 0) {
                    throw HerderErrors.invalidConfig(validation);
                }
                ConnectorInfo before = info(name, c);
                c.config = merged;
                regenerateTasks(c);
                return new ConnectorInfo(name, merged, before.tasks(), before.type());
            }
        });
    }

    @Override
    public CompletableFuture<Void> deleteConnectorConfig(String name) {
        return write(() -> {
            synchronized (this) {
                existing(name, HerderErrors.connectorNotFound(name));
                connectors.remove(name);
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<Void> restartConnector(String name) {
        return write(() -> {
            synchronized (this) {
                existing(name, HerderErrors.unknownConnectorForRestart(name));
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request) {
        return write(() -> {
            synchronized (this) {
                String name = request.connectorName();
                ConnectorStateInfo now = status(name, existing(name, HerderErrors.unknownConnectorForRestart(name)));
                restarts.add(request);
                ConnectorStateInfo.ConnectorState conn = now.connector();
                if (request.shouldRestartConnector(conn)) {
                    conn = new ConnectorStateInfo.ConnectorState("RESTARTING", conn.workerId(), conn.version(),
                            conn.trace());
                }
                List<ConnectorStateInfo.TaskState> tasks = new ArrayList<>();
                for (ConnectorStateInfo.TaskState t : now.tasks()) {
                    tasks.add(request.shouldRestartTask(t) ? new ConnectorStateInfo.TaskState(t.id(), "RESTARTING",
                            t.workerId(), t.version(), t.trace()) : t);
                }
                return new ConnectorStateInfo(name, conn, tasks, now.type());
            }
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(ConnectorTaskId id) {
        return write(() -> {
            synchronized (this) {
                Connector c = existing(id.connector(), HerderErrors.unknownConnectorForRestart(id.connector()));
                if (id.task() < 0 || id.task() >= c.taskConfigs.size()) {
                    throw HerderErrors.unknownTask(id);
                }
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String name) {
        return target(name, TargetState.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String name) {
        return target(name, TargetState.STARTED);
    }

    @Override
    public CompletableFuture<Void> stopConnector(String name) {
        return target(name, TargetState.STOPPED);
    }

    @Override
    public CompletableFuture<Void> resetConnectorActiveTopics(String name) {
        return write(() -> {
            synchronized (this) {
                Connector c = connectors.get(name);
                if (c != null) {
                    c.topics.clear();
                }
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String name) {
        return write(() -> {
            synchronized (this) {
                return new ConnectorOffsets(List.copyOf(existing(name, HerderErrors.connectorNotFound(name)).offsets));
            }
        });
    }

    @Override
    public CompletableFuture<Message> alterConnectorOffsets(String name, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return write(() -> {
            synchronized (this) {
                Connector c = stoppedForOffsets(name);
                offsets.forEach((partition, offset) -> {
                    c.offsets.removeIf(o -> o.partition().equals(partition));
                    if (offset != null) {
                        c.offsets.add(new ConnectorOffset(copy(partition), copy(offset)));
                    }
                });
                return Message.offsetsAltered();
            }
        });
    }

    @Override
    public CompletableFuture<Message> resetConnectorOffsets(String name) {
        return write(() -> {
            synchronized (this) {
                stoppedForOffsets(name).offsets.clear();
                return Message.offsetsReset();
            }
        });
    }

    @Override
    public CompletableFuture<Void> setClusterLoggerLevel(String namespace, String level) {
        return write(() -> {
            clusterLoggerLevels.add(namespace + "=" + level);
            return null;
        });
    }

    // ---- test controls ----

    synchronized void failTask(String name, int task) {
        connectors.get(name).failedTasks.add(task);
    }

    synchronized void addActiveTopic(String name, String topic) {
        connectors.get(name).topics.add(topic);
    }

    synchronized void addOffset(String name, Map<String, Object> partition, Map<String, Object> offset) {
        connectors.get(name).offsets.add(new ConnectorOffset(partition, offset));
    }

    // ---- internals ----

    private <T> CompletableFuture<T> write(Supplier<T> action) {
        return writesGate.thenApply(ignored -> action.get());
    }

    private CompletableFuture<Void> target(String name, TargetState state) {
        return write(() -> {
            synchronized (this) {
                Connector c = existing(name, HerderErrors.unknownConnectorForTargetState(name));
                c.target = state;
                regenerateTasks(c);
                return null;
            }
        });
    }

    private Connector stoppedForOffsets(String name) {
        Connector c = existing(name, HerderErrors.connectorNotFound(name));
        if (c.target != TargetState.STOPPED) {
            throw HerderErrors.offsetsRequireStopped(name);
        }
        return c;
    }

    private Connector existing(String name, RuntimeException ifMissing) {
        Connector c = connectors.get(name);
        if (c == null) {
            throw ifMissing;
        }
        return c;
    }

    private void regenerateTasks(Connector c) {
        c.taskConfigs = new ArrayList<>();
        if (c.target == TargetState.STOPPED) {
            return;
        }
        int count = Integer.parseInt(c.config.getOrDefault("tasks.max", "1"));
        for (int i = 0; i < count; i++) {
            Map<String, String> task = new LinkedHashMap<>(c.config);
            task.put("task.class", "org.apache.kafka.connect.file.FileStreamSourceTask");
            c.taskConfigs.add(task);
        }
    }

    private ConnectorInfo info(String name, Connector c) {
        List<ConnectorTaskId> ids = new ArrayList<>();
        for (int i = 0; i < c.taskConfigs.size(); i++) {
            ids.add(new ConnectorTaskId(name, i));
        }
        return new ConnectorInfo(name, new LinkedHashMap<>(c.config), ids, type(c.config));
    }

    private ConnectorStateInfo status(String name, Connector c) {
        String state = switch (c.target) {
            case STARTED -> "RUNNING";
            case PAUSED -> "PAUSED";
            case STOPPED -> "STOPPED";
        };
        List<ConnectorStateInfo.TaskState> tasks = new ArrayList<>();
        for (int i = 0; i < c.taskConfigs.size(); i++) {
            tasks.add(taskState(c, i));
        }
        return new ConnectorStateInfo(name, new ConnectorStateInfo.ConnectorState(state, WORKER_ID, VERSION, null),
                tasks, type(c.config));
    }

    private ConnectorStateInfo.TaskState taskState(Connector c, int task) {
        if (c.failedTasks.contains(task)) {
            return new ConnectorStateInfo.TaskState(task, "FAILED", WORKER_ID, VERSION,
                    "org.example.Boom: task failed\n\tat org.example.Task.start(Task.java:1)\n");
        }
        return new ConnectorStateInfo.TaskState(task, c.target == TargetState.PAUSED ? "PAUSED" : "RUNNING",
                WORKER_ID, VERSION, null);
    }

    private static ConnectorType type(Map<String, String> config) {
        return resolveClass(config.get("connector.class"))
                .map(cls -> cls.equals(SINK) ? ConnectorType.SINK : ConnectorType.SOURCE)
                .orElse(ConnectorType.UNKNOWN);
    }

    private static Optional<String> resolveClass(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (String cls : List.of(SOURCE, SINK)) {
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            if (name.equals(cls) || name.equals(simple) || name.equals(simple.replace("Connector", ""))) {
                return Optional.of(cls);
            }
        }
        return Optional.empty();
    }

    private static ConfigInfos validate(Map<String, String> config) {
        String cls = config.get("connector.class");
        if (resolveClass(cls).isEmpty()) {
            throw new BadRequestException("Failed to find any class that implements Connector and which name "
                    + "matches " + cls);
        }
        List<String> tasksMaxErrors = new ArrayList<>();
        String tasksMax = config.get("tasks.max");
        String tasksMaxValue = tasksMax == null ? "1" : tasksMax;
        if (tasksMax != null && !tasksMax.matches("-?\\d+")) {
            tasksMaxErrors.add("Invalid value " + tasksMax + " for configuration tasks.max: Not a number of type INT");
            tasksMaxErrors.add("Invalid value null for configuration tasks.max: Value must be non-null");
            tasksMaxValue = null;
        }
        List<String> topicErrors = config.containsKey("topic") ? List.of()
                : List.of("Missing required configuration \"topic\" which has no default value.");
        List<ConfigInfo> configs = List.of(
                new ConfigInfo(topicKey(), new ConfigValueInfo("topic", config.get("topic"), List.of(), topicErrors,
                        true)),
                new ConfigInfo(tasksMaxKey(), new ConfigValueInfo("tasks.max", tasksMaxValue, List.of(),
                        tasksMaxErrors, true)));
        return new ConfigInfos(cls, topicErrors.size() + tasksMaxErrors.size(), List.of("Common"), configs);
    }

    private static ConfigKeyInfo topicKey() {
        return new ConfigKeyInfo("topic", "STRING", true, null, "HIGH", "The topic to publish data to", null, -1,
                "NONE", "topic", List.of());
    }

    private static ConfigKeyInfo tasksMaxKey() {
        return new ConfigKeyInfo("tasks.max", "INT", false, "1", "HIGH",
                "Maximum number of tasks to use for this connector.", "Common", 4, "SHORT", "Tasks max", List.of());
    }

    private static Map<String, Object> copy(Map<String, ?> map) {
        return new LinkedHashMap<>(map);
    }
}
