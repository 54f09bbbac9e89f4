package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transformations of one task, applied in the order of the connector's {@code transforms} list.
 * Used by the task thread only. Built by {@link TransformationChainFactory}.
 */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransformationChain.class);

    private final TransformationStage<R>[] stages;

    @SuppressWarnings("unchecked")
    TransformationChain(List<TransformationStage<R>> stages) {
        this.stages = stages.toArray(new TransformationStage[0]);
    }

    /** A chain that returns every record unchanged. */
    public static <R extends ConnectRecord<R>> TransformationChain<R> empty() {
        return new TransformationChain<>(List.of());
    }

    /**
     * Runs {@code record} through every stage.
     *
     * @return the transformed record, or null if a transformation dropped it
     */
    public R apply(R record) {
        R current = record;
        for (TransformationStage<R> stage : stages) {
            current = stage.apply(current);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    public boolean isEmpty() {
        return stages.length == 0;
    }

    /** Closes every transformation and predicate once; failures are logged. */
    @Override
    public void close() {
        Map<Predicate<R>, Boolean> closedPredicates = new IdentityHashMap<>();
        for (TransformationStage<R> stage : stages) {
            try {
                stage.transformation().close();
            } catch (RuntimeException e) {
                log.warn("Transformation '{}' failed to close", stage.alias(), e);
            }
            Predicate<R> predicate = stage.predicate();
            if (predicate != null && closedPredicates.put(predicate, Boolean.TRUE) == null) {
                try {
                    predicate.close();
                } catch (RuntimeException e) {
                    log.warn("Predicate of transformation '{}' failed to close", stage.alias(), e);
                }
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TransformationChain[");
        for (int i = 0; i < stages.length; i++) {
            text.append(i == 0 ? "" : ", ").append(stages[i].alias());
        }
        return text.append(']').toString();
    }
}
