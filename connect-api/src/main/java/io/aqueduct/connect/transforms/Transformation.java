package io.aqueduct.connect.transforms;

import io.aqueduct.connect.connector.ConnectRecord;
import java.io.Closeable;
import java.util.Map;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A function applied to every record on its way between a connector and Kafka: after
 * {@link io.aqueduct.connect.source.SourceTask#poll()} and before conversion for sources, after
 * conversion and before {@link io.aqueduct.connect.sink.SinkTask#put(java.util.Collection)} for sinks.
 * A connector's transformations form a chain in the order listed in its {@code transforms} setting.
 *
 * <p>The runtime creates one instance per alias per task through the public no-argument constructor,
 * calls {@link #configure(Map)} with the alias's properties (the {@code transforms.<alias>.} prefix
 * removed), and calls {@link #close()} when the task stops. An instance is used only by the task
 * thread that owns it, so it needs no synchronization. It runs once per record and must not block.
 *
 * <p>Failures are reported by throwing; {@link io.aqueduct.connect.errors.RetriableException} is retried
 * and other exceptions are handled according to {@code errors.tolerance}.
 *
 * @param <R> the record type: {@link io.aqueduct.connect.source.SourceRecord} or
 *            {@link io.aqueduct.connect.sink.SinkRecord}
 */
public interface Transformation<R extends ConnectRecord<R>> extends Configurable, Closeable {

    /**
     * Transforms one record. Records must not be modified in place, except for their headers: return a
     * copy made with {@link ConnectRecord#newRecord}, or the record itself when nothing changes.
     *
     * @param record the record; never null
     * @return the transformed record, or null to drop the record (the rest of the chain is skipped and,
     *         for a source record, {@link io.aqueduct.connect.source.SourceTask#commitRecord} is called
     *         with null metadata)
     */
    R apply(R record);

    /**
     * The configuration this transformation accepts, used to validate and document connector
     * configurations. May be called on an instance that was never configured.
     *
     * @return the definition; never null
     */
    ConfigDef config();

    /** Releases the transformation's resources. Called once, when the owning task stops; must not throw. */
    @Override
    void close();
}
