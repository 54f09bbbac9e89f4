package io.aqueduct.connect.runtime.isolation;

/** A plugin kind whose base type was found in the worker's class loader. */
record ResolvedKind(PluginKind kind, Class<?> baseClass) {

    /**
     * Why {@code candidate} cannot be instantiated as a plugin of this kind, or null when it can:
     * it must be a public, concrete, top-level or static nested class with a public no-arg constructor.
     */
    String unusableReason(Class<?> candidate) {
        if (!baseClass.isAssignableFrom(candidate)) {
            return "it does not implement " + baseClass.getName();
        }
        String shape = PluginClassShape.unusableReason(candidate);
        if (shape != null) {
            return shape;
        }
        return PluginClassShape.hasPublicNoArgConstructor(candidate) ? null : "it has no public no-argument constructor";
    }
}
