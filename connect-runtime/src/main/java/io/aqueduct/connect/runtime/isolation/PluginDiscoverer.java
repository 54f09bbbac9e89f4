package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one discovery as {@code plugin.discovery} asks:
 * <ul>
 *   <li>{@code service_load}: service manifests only;</li>
 *   <li>{@code only_scan}: a reflective scan of every plugin location;</li>
 *   <li>{@code hybrid_warn} / {@code hybrid_fail}: both, and a warning / a failure naming every scanned
 *       plugin whose manifest is missing, since {@code service_load} would not find it.</li>
 * </ul>
 * The worker's class path is always read through its service manifests. In the scanning modes it is
 * also scanned, but only the classes under {@value #CLASS_PATH_SCAN_PREFIX}: scanning every library the
 * worker ships (Jetty, Jersey, kafka-clients...) would cost seconds and find nothing, while our own
 * built-in plugins live there and so get checked for manifests. A manifest-less third-party class on the
 * class path can still be named by its full class name (see {@link Plugins#pluginClass}).
 */
final class PluginDiscoverer {

    private static final Logger log = LoggerFactory.getLogger(PluginDiscoverer.class);

    static final String CLASS_PATH_SCAN_PREFIX = "io.aqueduct.";

    /** What discovery found: the plugins and the locations whose loaders the caller now owns. */
    record Result(PluginRegistry registry, List<PluginLocation> locations, List<DiscoveredPlugin> withoutManifest) {
    }

    private PluginDiscoverer() {
    }

    static Result discover(List<String> pluginPath, PluginDiscovery mode, List<ResolvedKind> kinds, ClassLoader parent) {
        boolean useManifests = mode != PluginDiscovery.ONLY_SCAN;
        boolean scan = mode != PluginDiscovery.SERVICE_LOAD;
        PluginRegistry registry = new PluginRegistry();
        List<DiscoveredPlugin> withoutManifest = new ArrayList<>();

        PluginLocation classPath = new PluginLocation(PluginLocation.CLASS_PATH,
                scan ? classPathRoots(parent) : List.of(), parent, true);
        List<PluginLocation> locations = PluginLocations.fromPluginPath(pluginPath, parent);
        List<PluginLocation> all = new ArrayList<>();
        all.add(classPath);
        all.addAll(locations);

        for (PluginLocation location : all) {
            List<DiscoveredPlugin> declared = useManifests || location.classPath()
                    ? ManifestScanner.scan(location, kinds) : List.of();
            List<DiscoveredPlugin> scanned = scan
                    ? ReflectiveScanner.scan(location, kinds, location.classPath() ? CLASS_PATH_SCAN_PREFIX : "")
                    : List.of();
            register(registry, declared);
            register(registry, scanned);
            if (mode == PluginDiscovery.HYBRID_WARN || mode == PluginDiscovery.HYBRID_FAIL) {
                Set<DiscoveredPlugin> missing = new LinkedHashSet<>(scanned);
                missing.removeAll(new HashSet<>(declared));
                withoutManifest.addAll(missing);
            }
        }
        if (!withoutManifest.isEmpty()) {
            String message = missingManifestMessage(withoutManifest, mode);
            if (mode == PluginDiscovery.HYBRID_FAIL) {
                closeQuietly(locations);
                throw new ConnectException(message);
            }
            log.warn(message);
        }
        return new Result(registry, List.copyOf(locations), List.copyOf(withoutManifest));
    }

    private static void register(PluginRegistry registry, List<DiscoveredPlugin> plugins) {
        for (DiscoveredPlugin plugin : plugins) {
            if (!registry.add(plugin)) {
                log.warn("{} plugin {} in {} is ignored: a class of the same name was already found in {}."
                                + " Remove one copy from plugin.path.", plugin.kind().type(), plugin.className(),
                        plugin.location().name(),
                        registry.get(plugin.kind(), plugin.className()).location().name());
            }
        }
    }

    static String missingManifestMessage(List<DiscoveredPlugin> withoutManifest, PluginDiscovery mode) {
        String plugins = withoutManifest.stream()
                .map(p -> p.className() + " (" + p.kind().type() + ") in " + p.location().name())
                .collect(Collectors.joining(", "));
        String manifests = withoutManifest.stream().map(p -> p.kind().serviceManifest()).distinct().sorted()
                .collect(Collectors.joining(", "));
        return "plugin.discovery=" + mode.name().toLowerCase(Locale.ROOT) + ": " + withoutManifest.size()
                + " plugin(s) have no ServiceLoader manifest and would not be found with"
                + " plugin.discovery=service_load: " + plugins + ". Add the class names to " + manifests
                + " in the plugin's jar, or set plugin.discovery=only_scan.";
    }

    /**
     * The class-path jars and directories that hold classes under {@link #CLASS_PATH_SCAN_PREFIX}, found
     * through the loader's resources so that a manifest-only class path jar (as surefire uses) works.
     */
    private static List<Path> classPathRoots(ClassLoader loader) {
        String packageDir = CLASS_PATH_SCAN_PREFIX.replace('.', '/');
        Set<Path> roots = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(packageDir);
            while (urls.hasMoreElements()) {
                Path root = rootOf(urls.nextElement(), packageDir);
                if (root != null) {
                    roots.add(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the worker's class path", e);
        }
        return List.copyOf(roots);
    }

    private static Path rootOf(URL url, String packageDir) {
        try {
            if ("jar".equals(url.getProtocol())) {
                return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            }
            if ("file".equals(url.getProtocol())) {
                Path dir = Path.of(url.toURI());
                for (int i = 0; i < packageDir.split("/").length; i++) {
                    dir = dir.getParent();
                }
                return dir;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            log.debug("Not scanning class path entry {}: {}", url, e.toString());
        }
        return null;
    }

    static void closeQuietly(List<PluginLocation> locations) {
        for (PluginLocation location : locations) {
            if (location.loader() instanceof PluginClassLoader loader) {
                try {
                    loader.close();
                } catch (IOException e) {
                    log.debug("Cannot close class loader of {}: {}", location.name(), e.toString());
                }
            }
        }
    }
}
