package io.aqueduct.connect.runtime.isolation;

import java.lang.reflect.Modifier;

/** The structural rules a class must meet to be instantiated as a plugin, whatever its kind. */
final class PluginClassShape {

    private PluginClassShape() {
    }

    /** Cheap checks that need no linking; null when the class passes them. */
    static String unusableReason(Class<?> candidate) {
        int modifiers = candidate.getModifiers();
        if (candidate.isInterface() || Modifier.isAbstract(modifiers)) {
            return "it is abstract";
        }
        if (!Modifier.isPublic(modifiers)) {
            return "it is not public";
        }
        if (candidate.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
            return "it is an inner class that needs an enclosing instance";
        }
        return null;
    }

    static boolean hasPublicNoArgConstructor(Class<?> candidate) {
        try {
            candidate.getConstructor();
            return true;
        } catch (NoSuchMethodException | LinkageError | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether a class file name can be a plugin at all, before loading it: module and package
     * descriptors, multi-release variants and anonymous or local classes ({@code Outer$1}) cannot.
     */
    static boolean mayBePlugin(String className) {
        if (className.endsWith("module-info") || className.endsWith("package-info")
                || className.startsWith("META-INF.")) {
            return false;
        }
        int dollar = className.indexOf('$');
        while (dollar >= 0 && dollar + 1 < className.length()) {
            if (Character.isDigit(className.charAt(dollar + 1))) {
                return false;
            }
            dollar = className.indexOf('$', dollar + 1);
        }
        return true;
    }
}
