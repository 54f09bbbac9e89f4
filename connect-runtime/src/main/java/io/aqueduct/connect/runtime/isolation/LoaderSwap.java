package io.aqueduct.connect.runtime.isolation;

/**
 * Sets the calling thread's context class loader for the length of a try-with-resources block and
 * restores the previous one on {@link #close()}. Plugin code reads the context class loader to find its
 * own resources and services (ServiceLoader, JAXB, Jackson modules...), so every call into a plugin
 * runs inside one of these. Not shareable between threads: it must be closed on the thread that
 * opened it.
 */
public final class LoaderSwap implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    LoaderSwap(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    /** Restores the context class loader that was set before this swap. */
    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("A class loader swap opened on thread '" + thread.getName()
                    + "' must be closed on that thread, not on '" + Thread.currentThread().getName() + "'");
        }
        thread.setContextClassLoader(previous);
    }
}
