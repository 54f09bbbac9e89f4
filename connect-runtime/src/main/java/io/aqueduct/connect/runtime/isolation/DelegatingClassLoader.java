package io.aqueduct.connect.runtime.isolation;

/**
 * A class loader that sees every discovered plugin: a plugin class name (or an Apache Kafka Connect name
 * of a built-in, or an unambiguous alias) is answered with the class from the plugin's own loader,
 * anything else by the parent. Meant as the worker's context class loader outside plugin calls, so code
 * that loads classes by name through the context loader, such as Kafka's {@code ConfigDef} for
 * {@code CLASS}-typed keys, can name plugins.
 */
final class DelegatingClassLoader extends ClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final PluginRegistry registry;

    DelegatingClassLoader(ClassLoader parent, PluginRegistry registry) {
        super("aqueduct-plugins", parent);
        this.registry = registry;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String className = ApacheAliases.toAqueduct(name);
        DiscoveredPlugin plugin = registry.byClassName(className);
        if (plugin != null) {
            return plugin.pluginClass();
        }
        try {
            return super.loadClass(className, resolve);
        } catch (ClassNotFoundException notOnClassPath) {
            return registry.uniqueAlias(name).map(DiscoveredPlugin::pluginClass).orElseThrow(() -> notOnClassPath);
        }
    }
}
