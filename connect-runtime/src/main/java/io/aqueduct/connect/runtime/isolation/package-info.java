/**
 * Plugin isolation and discovery: every {@code plugin.path} entry gets its own child-first class loader,
 * plugins are found through service manifests and/or a reflective scan, and users name them by class
 * name or alias. {@link io.aqueduct.connect.runtime.isolation.Plugins} is the entry point.
 */
package io.aqueduct.connect.runtime.isolation;
