package io.aqueduct.connect.runtime.errors;

/**
 * One attempt at a record operation (a conversion, a transformation, a predicate test), run by
 * {@link RetryWithToleranceOperator}. It may be called again when it throws a retriable exception, so it
 * must not have effects that a second call would repeat harmfully.
 *
 * @param <V> the result type; null is a valid result
 */
@FunctionalInterface
public interface Operation<V> {

    /**
     * Runs the operation once.
     *
     * @return the result; may be null
     * @throws Exception whatever the plugin code throws; the operator decides to retry, skip or fail
     */
    V call() throws Exception;
}
