package io.aqueduct.connect.runtime.isolation;

/** A plugin class found at discovery, with the kind it was found as and where it came from. */
record DiscoveredPlugin(Class<?> pluginClass, PluginKind kind, PluginLocation location) {

    String className() {
        return pluginClass.getName();
    }

    /** The binary name after the package, e.g. {@code Cast$Value} for a nested class. */
    String simpleName() {
        String name = pluginClass.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
