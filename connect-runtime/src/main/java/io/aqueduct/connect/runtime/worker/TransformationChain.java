package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.runtime.errors.ProcessingContext;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transformations of one task, applied in the order of the connector's {@code transforms} list,
 * each through the task's {@link RetryWithToleranceOperator} so that retriable failures are retried and
 * final ones tolerated or not as {@code errors.*} says. Used by the task thread only. Built by
 * {@link TransformationChainFactory}.
 */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransformationChain.class);

    private final TransformationStage<R>[] stages;
    private final RetryWithToleranceOperator operator;

    @SuppressWarnings("unchecked")
    TransformationChain(List<TransformationStage<R>> stages, RetryWithToleranceOperator operator) {
        this.stages = stages.toArray(new TransformationStage[0]);
        this.operator = operator;
    }

    /** A chain that returns every record unchanged. */
    public static <R extends ConnectRecord<R>> TransformationChain<R> empty() {
        return new TransformationChain<>(List.of(), RetryWithToleranceOperator.failFast());
    }

    /**
     * Runs {@code record} through every stage.
     *
     * @param context the record's error-handling context, reset for this record by the caller
     * @return the transformed record, or null if a transformation dropped it or an operation failed for
     *         good and was tolerated ({@code context.failed()} is then true)
     * @throws io.aqueduct.connect.errors.ConnectException when a failure is not tolerated
     */
    public R apply(ProcessingContext<?> context, R record) {
        R current = record;
        for (TransformationStage<R> stage : stages) {
            current = stage.apply(operator, context, current);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** As {@link #apply(ProcessingContext, ConnectRecord)} with a context of its own. */
    public R apply(R record) {
        return stages.length == 0 ? record : apply(new ProcessingContext<>(record), record);
    }

    public boolean isEmpty() {
        return stages.length == 0;
    }

    /** Closes every transformation and predicate once, each with its own loader as context loader; failures are logged. */
    @Override
    public void close() {
        Map<Predicate<R>, Boolean> closedPredicates = new IdentityHashMap<>();
        for (TransformationStage<R> stage : stages) {
            ClassLoader previous = ContextLoader.swap(stage.transformationLoader());
            try {
                stage.transformation().close();
            } catch (RuntimeException e) {
                log.warn("Transformation '{}' failed to close", stage.alias(), e);
            } finally {
                ContextLoader.restore(previous);
            }
            Predicate<R> predicate = stage.predicate();
            if (predicate != null && closedPredicates.put(predicate, Boolean.TRUE) == null) {
                previous = ContextLoader.swap(stage.predicateLoader());
                try {
                    predicate.close();
                } catch (RuntimeException e) {
                    log.warn("Predicate of transformation '{}' failed to close", stage.alias(), e);
                } finally {
                    ContextLoader.restore(previous);
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
