package io.aqueduct.connect.source;

import io.aqueduct.connect.connector.ConnectorContext;
import io.aqueduct.connect.storage.OffsetStorageReader;

/**
 * The context of a {@link SourceConnector}: the general {@link ConnectorContext} plus read access to
 * the offsets its tasks have committed, so that the connector can plan task assignments around work
 * already done. Thread-safe like its parent.
 */
public interface SourceConnectorContext extends ConnectorContext {

    /**
     * A reader for the offsets committed by this connector's tasks. Reads may block while the offset
     * store is consulted, so call it from the connector's lifecycle methods or its own threads.
     *
     * @return the reader; never null
     */
    OffsetStorageReader offsetStorageReader();
}
