package io.aqueduct.connect.runtime.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns {@code plugin.path} into plugin locations. Each entry is a directory whose children are plugins:
 * an archive ({@code .jar}/{@code .zip}, an uber-jar) or a directory that holds archives at any depth
 * (its jars share one loader) or, failing that, {@code .class} files in their package structure. An
 * entry that is itself an archive is one plugin too. Missing entries are logged and skipped, as a worker
 * must still start when one plugin directory is gone.
 */
final class PluginLocations {

    private static final Logger log = LoggerFactory.getLogger(PluginLocations.class);

    private PluginLocations() {
    }

    static List<PluginLocation> fromPluginPath(List<String> pluginPath, ClassLoader parent) {
        List<PluginLocation> locations = new ArrayList<>();
        for (String rawEntry : pluginPath) {
            String entry = rawEntry.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isRegularFile(path) && isArchive(path)) {
                locations.add(location(path, List.of(path), parent));
            } else if (Files.isDirectory(path)) {
                for (Path child : sortedChildren(path)) {
                    PluginLocation location = pluginAt(child, parent);
                    if (location != null) {
                        locations.add(location);
                    }
                }
            } else {
                log.warn("plugin.path entry '{}' is neither a directory nor a jar; skipping it."
                        + " Fix or remove the entry in the worker configuration.", entry);
            }
        }
        return locations;
    }

    private static PluginLocation pluginAt(Path child, ClassLoader parent) {
        if (Files.isRegularFile(child)) {
            if (isArchive(child)) {
                return location(child, List.of(child), parent);
            }
            log.debug("Ignoring {} on plugin.path: not a jar, zip or directory", child);
            return null;
        }
        if (!Files.isDirectory(child)) {
            return null;
        }
        List<Path> archives = archivesUnder(child);
        if (!archives.isEmpty()) {
            return location(child, archives, parent);
        }
        if (containsClassFiles(child)) {
            return location(child, List.of(child), parent);
        }
        log.debug("Ignoring {} on plugin.path: it holds neither jars nor classes", child);
        return null;
    }

    private static PluginLocation location(Path path, List<Path> roots, ClassLoader parent) {
        URL[] urls = new URL[roots.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = toUrl(roots.get(i));
        }
        String name = path.toString();
        return new PluginLocation(name, List.copyOf(roots), new PluginClassLoader(name, urls, parent), false);
    }

    static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private static List<Path> sortedChildren(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugin.path directory " + directory, e);
        }
    }

    private static List<Path> archivesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(PluginLocations::isArchive).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugin directory " + directory, e);
        }
    }

    private static boolean containsClassFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugin directory " + directory, e);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Cannot turn plugin path " + path + " into a URL", e);
        }
    }
}
