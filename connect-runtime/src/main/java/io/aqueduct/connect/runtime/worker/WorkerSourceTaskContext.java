package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.source.SourceTaskContext;
import io.aqueduct.connect.storage.OffsetStorageReader;

import java.util.Map;

/** The context of a source task: its configuration and the reader of its connector's offsets. */
record WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsetStorageReader)
        implements SourceTaskContext {
}
