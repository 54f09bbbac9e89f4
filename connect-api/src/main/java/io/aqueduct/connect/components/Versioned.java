package io.aqueduct.connect.components;

/**
 * A plugin that reports its own version: connectors, converters, transformations, predicates.
 *
 * <p>The runtime shows the version in {@code GET /connector-plugins} and in status records. It may call
 * {@link #version()} on any thread, before or after the plugin is configured, so the method must not
 * depend on configuration and must not block.
 */
public interface Versioned {

    /**
     * The version of this plugin, never null; by convention the version of the artifact that ships it.
     */
    String version();
}
