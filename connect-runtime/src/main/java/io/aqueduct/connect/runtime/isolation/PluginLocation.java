package io.aqueduct.connect.runtime.isolation;

import java.nio.file.Path;
import java.util.List;

/**
 * One place plugins come from, with the loader that defines their classes: a {@code plugin.path} entry
 * (its own {@link PluginClassLoader}) or the worker's class path (the parent loader).
 *
 * @param name the path shown to users, or {@value #CLASS_PATH}
 * @param roots the jars and class directories to scan reflectively
 * @param loader the loader that defines this location's classes
 * @param classPath whether this is the worker's own class path
 */
record PluginLocation(String name, List<Path> roots, ClassLoader loader, boolean classPath) {

    static final String CLASS_PATH = "classpath";

    /** Whether {@code type} was defined by this location rather than inherited from a parent. */
    boolean defines(Class<?> type) {
        return type.getClassLoader() == loader;
    }
}
