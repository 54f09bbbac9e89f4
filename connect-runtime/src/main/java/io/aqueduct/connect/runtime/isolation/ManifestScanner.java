package io.aqueduct.connect.runtime.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds plugins the fast way: reads the {@link java.util.ServiceLoader} manifests
 * ({@code META-INF/services/<base class>}) of a location and loads only the classes they list, without
 * initializing or instantiating them. Reads the manifests itself rather than through ServiceLoader so it
 * sees only the location's own manifests (not those its loader inherits from the parent) and can skip
 * a bad entry with a warning instead of aborting the whole location.
 */
final class ManifestScanner {

    private static final Logger log = LoggerFactory.getLogger(ManifestScanner.class);

    private ManifestScanner() {
    }

    static List<DiscoveredPlugin> scan(PluginLocation location, List<ResolvedKind> kinds) {
        List<DiscoveredPlugin> found = new ArrayList<>();
        for (ResolvedKind kind : kinds) {
            String manifestName = kind.kind().serviceManifest();
            for (URL manifest : manifests(location, manifestName)) {
                for (String className : classNames(manifest)) {
                    DiscoveredPlugin plugin = load(location, kind, manifest, className);
                    if (plugin != null) {
                        found.add(plugin);
                    }
                }
            }
        }
        return found;
    }

    private static DiscoveredPlugin load(PluginLocation location, ResolvedKind kind, URL manifest, String className) {
        Class<?> candidate;
        try {
            candidate = Class.forName(className, false, location.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            log.warn("Service manifest {} lists {}, which cannot be loaded ({}); skipping it. Remove the line"
                    + " or add the missing classes to the plugin.", manifest, className, e);
            return null;
        }
        if (!location.classPath() && !location.defines(candidate)) {
            log.debug("Service manifest {} lists {}, which the worker itself provides; using the worker's copy",
                    manifest, className);
            return null;
        }
        String reason = kind.unusableReason(candidate);
        if (reason != null) {
            log.warn("Service manifest {} lists {} as a {} plugin, but {}; skipping it.",
                    manifest, className, kind.kind().type(), reason);
            return null;
        }
        return new DiscoveredPlugin(candidate, kind.kind(), location);
    }

    private static List<URL> manifests(PluginLocation location, String manifestName) {
        try {
            Enumeration<URL> urls = location.loader() instanceof PluginClassLoader pluginLoader
                    ? pluginLoader.findResources(manifestName)
                    : location.loader().getResources(manifestName);
            List<URL> result = new ArrayList<>();
            while (urls.hasMoreElements()) {
                result.add(urls.nextElement());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + manifestName + " in " + location.name(), e);
        }
    }

    /** The provider names in a manifest: one per line, {@code #} starts a comment, blanks ignored. */
    static Set<String> classNames(URL manifest) {
        Set<String> names = new LinkedHashSet<>();
        try {
            URLConnection connection = manifest.openConnection();
            // Cached jar connections would keep plugin jars open after their loader is closed.
            connection.setUseCaches(false);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read service manifest {} ({}); plugins it lists are not discovered", manifest, e.toString());
        }
        return names;
    }
}
