package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.sink.SinkConnectorContext;
import io.aqueduct.connect.source.SourceConnectorContext;
import io.aqueduct.connect.storage.OffsetStorageReader;

/**
 * The context the worker gives a connector: task reconfiguration requests go to the herder, errors to
 * the connector's {@link WorkerConnector}. Thread-safe. Implements both connector context types; the
 * offset reader is null for sink connectors, which cannot reach it through their API.
 */
final class WorkerConnectorContext implements SourceConnectorContext, SinkConnectorContext {

    private final WorkerConnector owner;
    private final Runnable onTaskReconfigurationRequest;
    private final OffsetStorageReader offsetReader;

    WorkerConnectorContext(WorkerConnector owner, Runnable onTaskReconfigurationRequest, OffsetStorageReader offsetReader) {
        this.owner = owner;
        this.onTaskReconfigurationRequest = onTaskReconfigurationRequest;
        this.offsetReader = offsetReader;
    }

    @Override
    public void requestTaskReconfiguration() {
        if (!owner.isShutDown()) {
            onTaskReconfigurationRequest.run();
        }
    }

    @Override
    public void raiseError(Exception e) {
        owner.raiseError(e);
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return offsetReader;
    }
}
