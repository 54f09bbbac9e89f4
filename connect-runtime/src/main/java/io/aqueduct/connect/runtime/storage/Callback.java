package io.aqueduct.connect.runtime.storage;

/**
 * Told once when an asynchronous storage operation has finished.
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface Callback<V> {

    /**
     * @param error  null on success, otherwise why the operation failed
     * @param result the result on success (may be null, e.g. for {@code Void}); null on failure
     */
    void onCompletion(Throwable error, V result);
}
