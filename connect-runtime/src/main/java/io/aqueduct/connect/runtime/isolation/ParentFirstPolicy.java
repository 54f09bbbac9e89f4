package io.aqueduct.connect.runtime.isolation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which classes and resources a plugin class loader takes from its parent before looking at
 * the plugin's own jars: the JDK, the Connect API and runtime, kafka-clients and slf4j. Those types are
 * shared between the worker and every plugin, so a plugin that bundles a copy of one must not get its
 * own (it would no longer be assignable to the worker's interfaces, or could replace runtime code).
 * Everything else is looked up child-first, which lets each plugin bring its own Jackson or Guava.
 */
final class ParentFirstPolicy {

    private static final List<String> PARENT_FIRST_PREFIXES =
            List.of("java.", "jdk.", "sun.", "io.aqueduct.connect.", "org.apache.kafka.", "org.slf4j.");

    /**
     * Packages under {@code io.aqueduct.connect.} whose code ships as plugins and so is isolated like any
     * third-party plugin's, even though the worker may have a copy on its class path.
     */
    private static final List<String> PLUGIN_PACKAGES =
            List.of("io.aqueduct.connect.file.", "io.aqueduct.connect.transforms.");

    /**
     * API types that live inside {@link #PLUGIN_PACKAGES} and so must still be shared. Keep in step with
     * connect-api when it adds public types to those packages.
     */
    private static final Set<String> API_TYPES_IN_PLUGIN_PACKAGES = Set.of(
            "io.aqueduct.connect.transforms.Transformation",
            "io.aqueduct.connect.transforms.predicates.Predicate");

    /** Every package of the JDK's own modules, e.g. {@code javax.net.ssl} but not {@code javax.inject}. */
    private static final Set<String> PLATFORM_PACKAGES = platformPackages();

    private ParentFirstPolicy() {
    }

    /** Whether a class with this binary name is taken from the parent loader first. */
    static boolean isParentFirst(String className) {
        for (String pluginPackage : PLUGIN_PACKAGES) {
            if (className.startsWith(pluginPackage)) {
                return API_TYPES_IN_PLUGIN_PACKAGES.contains(className);
            }
        }
        for (String prefix : PARENT_FIRST_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 && PLATFORM_PACKAGES.contains(className.substring(0, lastDot));
    }

    /** Whether a resource ({@code a/b/C.class}, {@code a/b/x.properties}) is taken from the parent first. */
    static boolean isResourceParentFirst(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        if (name.endsWith(".class")) {
            name = name.substring(0, name.length() - ".class".length());
        }
        return isParentFirst(name.replace('/', '.'));
    }

    private static Set<String> platformPackages() {
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            packages.addAll(module.getPackages());
        }
        return Set.copyOf(packages);
    }
}
