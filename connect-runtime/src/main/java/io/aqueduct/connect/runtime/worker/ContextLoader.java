package io.aqueduct.connect.runtime.worker;

/**
 * Swaps the calling thread's context class loader around a call into plugin code without allocating,
 * for the per-record calls (converters, transformations, predicates) where a try-with-resources
 * {@code LoaderSwap} object per call would be garbage:
 * {@code ClassLoader previous = ContextLoader.swap(loader); try { ... } finally { ContextLoader.restore(previous); }}.
 */
final class ContextLoader {

    private ContextLoader() {
    }

    /** Makes {@code loader} the context class loader and returns the one it replaced. */
    static ClassLoader swap(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != loader) {
            thread.setContextClassLoader(loader);
        }
        return previous;
    }

    /** Restores what {@link #swap} returned. */
    static void restore(ClassLoader previous) {
        Thread thread = Thread.currentThread();
        if (thread.getContextClassLoader() != previous) {
            thread.setContextClassLoader(previous);
        }
    }
}
