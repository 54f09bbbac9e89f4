package io.aqueduct.connect.transforms.predicates;

import io.aqueduct.connect.connector.ConnectRecord;
import java.util.Map;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A condition on a record. A transformation whose configuration names a predicate is applied only to
 * the records for which the predicate holds (or, with {@code negate=true}, does not hold); other
 * records pass through that transformation unchanged.
 *
 * <p>The runtime creates one instance per alias per task through the public no-argument constructor,
 * calls {@link #configure(Map)} with the alias's properties (the {@code predicates.<alias>.} prefix
 * removed), and calls {@link #close()} when the task stops. An instance is used only by the task thread
 * that owns it; it runs once per record and must not block.
 *
 * @param <R> the record type: {@link io.aqueduct.connect.source.SourceRecord} or
 *            {@link io.aqueduct.connect.sink.SinkRecord}
 */
public interface Predicate<R extends ConnectRecord<R>> extends Configurable, AutoCloseable {

    /**
     * The configuration this predicate accepts. May be called on an instance that was never configured.
     *
     * @return the definition; never null
     */
    ConfigDef config();

    /**
     * Evaluates the condition. Must not modify the record.
     *
     * @param record the record; never null
     * @return whether the condition holds for the record
     */
    boolean test(R record);

    /** Releases the predicate's resources. Called once, when the owning task stops; must not throw. */
    @Override
    void close();
}
