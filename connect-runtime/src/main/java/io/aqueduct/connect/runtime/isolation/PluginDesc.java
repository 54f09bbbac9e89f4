package io.aqueduct.connect.runtime.isolation;

/**
 * What the worker tells users about one installed plugin, e.g. in {@code GET /connector-plugins}.
 *
 * @param className the plugin's binary class name
 * @param type the label of its {@link PluginKind} ({@code "source"}, {@code "converter"}, ...)
 * @param version what its {@code version()} returns when it is
 *        {@link io.aqueduct.connect.components.Versioned}, else the {@code Implementation-Version} of the
 *        jar that holds it, else {@code "undefined"}
 * @param location the {@code plugin.path} entry it was loaded from, or {@code "classpath"}
 */
public record PluginDesc(String className, String type, String version, String location) {

    /** The version reported for a plugin that states none. */
    public static final String UNDEFINED_VERSION = "undefined";
}
