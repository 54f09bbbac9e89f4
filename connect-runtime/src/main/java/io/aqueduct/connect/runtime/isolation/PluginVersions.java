package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.components.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out the version shown for a plugin class, lazily and once per class: what a {@link Versioned}
 * plugin's {@code version()} returns (which means creating an instance, so it is not done at discovery),
 * else the {@code Implementation-Version} of its jar, else {@value PluginDesc#UNDEFINED_VERSION}.
 */
final class PluginVersions {

    private static final Logger log = LoggerFactory.getLogger(PluginVersions.class);

    private final Map<Class<?>, String> versions = new ConcurrentHashMap<>();

    String versionOf(Class<?> pluginClass) {
        String known = versions.get(pluginClass);
        if (known != null) {
            return known;
        }
        String version = compute(pluginClass);
        versions.putIfAbsent(pluginClass, version);
        return version;
    }

    @SuppressWarnings("try") // the swap only needs to be open
    private static String compute(Class<?> pluginClass) {
        if (Versioned.class.isAssignableFrom(pluginClass)) {
            try (LoaderSwap swap = new LoaderSwap(pluginClass.getClassLoader())) {
                String version = ((Versioned) pluginClass.getDeclaredConstructor().newInstance()).version();
                if (version != null && !version.isBlank()) {
                    return version;
                }
            } catch (Exception | LinkageError e) {
                log.warn("Cannot read the version of plugin {} ({}); reporting its jar's version instead",
                        pluginClass.getName(), e.toString());
            }
        }
        Package pkg = pluginClass.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null || version.isBlank() ? PluginDesc.UNDEFINED_VERSION : version;
    }
}
