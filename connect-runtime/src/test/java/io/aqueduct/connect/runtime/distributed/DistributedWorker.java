package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.RestServer;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.storage.KafkaOffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A distributed worker assembled in the test JVM as {@code ConnectDistributed} assembles it: REST server first, then
 * plugins, offsets store, worker and herder, which joins the group. Each worker has its own REST port.
 */
final class DistributedWorker implements AutoCloseable {

    static final int SESSION_TIMEOUT_MS = 6_000;

    final RestServer rest;
    final Plugins plugins;
    final KafkaOffsetBackingStore offsetStore;
    final Worker worker;
    final DistributedHerder herder;
    private boolean closed;

    private DistributedWorker(RestServer rest, Plugins plugins, KafkaOffsetBackingStore offsetStore, Worker worker,
                              DistributedHerder herder) {
        this.rest = rest;
        this.plugins = plugins;
        this.offsetStore = offsetStore;
        this.worker = worker;
        this.herder = herder;
    }

    /** Worker properties for a cluster whose group and topics are named after {@code cluster}. */
    static Map<String, String> props(String bootstrapServers, String cluster, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", cluster);
        props.put("config.storage.topic", cluster + "-configs");
        props.put("offset.storage.topic", cluster + "-offsets");
        props.put("status.storage.topic", cluster + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "5");
        props.put("status.storage.partitions", "3");
        props.put("session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        props.put("offset.flush.interval.ms", "500");
        props.put("listeners", "http://127.0.0.1:0");
        props.put("task.shutdown.graceful.timeout.ms", "3000");
        props.put("plugin.discovery", "hybrid_warn");
        props.putAll(overrides);
        return props;
    }

    static DistributedWorker start(Map<String, String> props) {
        DistributedConfig config = new DistributedConfig(props);
        RestServer rest = new RestServer(config.restServerConfig());
        rest.start();
        Plugins plugins = Plugins.discover(config);
        KafkaOffsetBackingStore offsetStore = DistributedStores.offsetStore(config);
        offsetStore.start();
        URI url = rest.advertisedUrl();
        Worker worker = new Worker(url.getHost() + ":" + url.getPort(), config, plugins, offsetStore);
        DistributedHerder herder = new DistributedHerder(config, worker, url.toString(),
                DistributedStores.configStore(config), DistributedStores.statusStore(config), offsetStore,
                ConfigProviders.create(config, plugins));
        herder.start();
        rest.attachHerder(herder);
        return new DistributedWorker(rest, plugins, offsetStore, worker, herder);
    }

    URI url() {
        return rest.advertisedUrl();
    }

    String id() {
        return worker.workerId();
    }

    boolean isLeader() {
        return herder.isLeader();
    }

    /** As a SIGKILL would: no LeaveGroup, nothing more written by this worker's herder. */
    synchronized void crash() {
        if (closed) {
            return;
        }
        closed = true;
        herder.crashForTest();
        offsetStore.stop();
        rest.stop();
        plugins.close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        herder.stop();
        offsetStore.stop();
        rest.stop();
        plugins.close();
    }
}
