package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.ConfigChangeCallback;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs every call into a provider with the provider's own class loader as the thread's context class
 * loader: a provider from {@code plugin.path} may look up its own resources or service files through it,
 * and {@code ConfigTransformer} calls {@code get} on whatever thread starts the connector or task.
 */
final class LoaderBoundConfigProvider implements ConfigProvider {

    private final ConfigProvider delegate;
    private final ClassLoader loader;

    LoaderBoundConfigProvider(ConfigProvider delegate, ClassLoader loader) {
        this.delegate = delegate;
        this.loader = loader;
    }

    ConfigProvider delegate() {
        return delegate;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        withLoader(() -> {
            delegate.configure(configs);
            return null;
        });
    }

    @Override
    public ConfigData get(String path) {
        return withLoader(() -> delegate.get(path));
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        return withLoader(() -> delegate.get(path, keys));
    }

    @Override
    public void subscribe(String path, Set<String> keys, ConfigChangeCallback callback) {
        withLoader(() -> {
            delegate.subscribe(path, keys, callback);
            return null;
        });
    }

    @Override
    public void unsubscribe(String path, Set<String> keys, ConfigChangeCallback callback) {
        withLoader(() -> {
            delegate.unsubscribe(path, keys, callback);
            return null;
        });
    }

    @Override
    public void unsubscribeAll() {
        withLoader(() -> {
            delegate.unsubscribeAll();
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            delegate.close();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private <T> T withLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return delegate.getClass().getName();
    }
}
