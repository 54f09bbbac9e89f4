package io.aqueduct.connect.runtime.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins the slow, thorough way: reads every class file of a location's jars and directories,
 * loads each one that can be a plugin by its class file ({@link ClassFileCheck}) with the location's loader
 * without initializing it, and keeps those that are usable plugins of some kind. Classes that fail to load
 * (a missing optional dependency) are skipped.
 */
final class ReflectiveScanner {

    private static final Logger log = LoggerFactory.getLogger(ReflectiveScanner.class);
    /** Larger class files are rare enough to be simply loaded rather than checked first. */
    private static final int MAX_CLASS_FILE_BYTES = 1 << 20;

    private ReflectiveScanner() {
    }

    /**
     * @param packagePrefix only classes whose name starts with it are considered; empty for all
     */
    static List<DiscoveredPlugin> scan(PluginLocation location, List<ResolvedKind> kinds, String packagePrefix) {
        List<DiscoveredPlugin> found = new ArrayList<>();
        for (Path root : location.roots()) {
            for (String className : candidates(root, packagePrefix)) {
                inspect(location, kinds, className, found);
            }
        }
        return found;
    }

    private static void inspect(PluginLocation location, List<ResolvedKind> kinds, String className,
                                List<DiscoveredPlugin> found) {
        Class<?> candidate;
        try {
            candidate = Class.forName(className, false, location.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            log.debug("Skipping {} in {} while scanning for plugins: {}", className, location.name(), e.toString());
            return;
        }
        if (!location.classPath() && !location.defines(candidate)) {
            return; // shadowed by the worker's own copy
        }
        try {
            if (PluginClassShape.unusableReason(candidate) != null) {
                return;
            }
            for (ResolvedKind kind : kinds) {
                if (kind.unusableReason(candidate) == null) {
                    found.add(new DiscoveredPlugin(candidate, kind.kind(), location));
                }
            }
        } catch (LinkageError e) {
            log.debug("Skipping {} in {} while scanning for plugins: {}", className, location.name(), e.toString());
        }
    }

    /**
     * The classes under {@code root} (a jar or a directory) that may be plugins by their names and class files
     * ({@link ClassFileCheck}); only these are loaded.
     */
    static List<String> candidates(Path root, String packagePrefix) {
        if (Files.isDirectory(root)) {
            return candidatesInDirectory(root, packagePrefix);
        }
        if (Files.isRegularFile(root)) {
            return candidatesInJar(root, packagePrefix);
        }
        return List.of();
    }

    private static boolean mayBePlugin(String className, String packagePrefix) {
        return className.startsWith(packagePrefix) && PluginClassShape.mayBePlugin(className);
    }

    private static List<String> candidatesInJar(Path jar, String packagePrefix) {
        List<String> names = new ArrayList<>();
        byte[] buffer = new byte[16 * 1024]; // one for the whole jar: class files are read one after the other
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String entryName = entry.getName();
                if (entry.isDirectory() || !entryName.endsWith(".class")) {
                    continue;
                }
                String className = toClassName(entryName);
                if (!mayBePlugin(className, packagePrefix)) {
                    continue;
                }
                long size = entry.getSize();
                if (size < 0 || size > MAX_CLASS_FILE_BYTES) {
                    names.add(className); // unknown size: let loading decide
                    continue;
                }
                if (buffer.length < size) {
                    buffer = new byte[(int) size];
                }
                int read;
                try (InputStream in = file.getInputStream(entry)) {
                    read = in.readNBytes(buffer, 0, (int) size);
                }
                if (ClassFileCheck.mayBePlugin(buffer, read)) {
                    names.add(className);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read plugin jar {} ({}); its classes are not scanned", jar, e.toString());
        }
        return names;
    }

    private static List<String> candidatesInDirectory(Path directory, String packagePrefix) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().endsWith(".class")) {
                    continue;
                }
                String className = toClassName(directory.relativize(file).toString().replace('\\', '/'));
                if (mayBePlugin(className, packagePrefix) && ClassFileCheck.mayBePlugin(Files.readAllBytes(file))) {
                    names.add(className);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list classes under " + directory, e);
        }
        return names;
    }

    private static String toClassName(String classFilePath) {
        return classFilePath.substring(0, classFilePath.length() - ".class".length()).replace('/', '.');
    }
}
