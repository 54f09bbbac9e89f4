package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The worker's plugins: discovers them once from {@code plugin.path} and the class path, resolves the
 * names users give them, instantiates them with the right context class loader, and lists them.
 *
 * <p>Each {@code plugin.path} entry gets its own child-first class loader (see {@link PluginKind} for
 * what a plugin is and {@link PluginDiscoverer} for how {@code plugin.discovery} finds them). An instance
 * is immutable after discovery and safe to use from any thread. {@link #close()} closes the plugin class
 * loaders, after which classes not loaded yet can no longer be; call it only when the worker stops.
 */
public final class Plugins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Plugins.class);

    private final Map<PluginKind, ResolvedKind> kinds;
    private final PluginRegistry registry;
    private final List<PluginLocation> locations;
    private final List<DiscoveredPlugin> withoutManifest;
    private final ClassLoader parent;
    private final DelegatingClassLoader delegatingLoader;
    private final PluginVersions versions = new PluginVersions();
    private final String context;

    private Plugins(Map<PluginKind, ResolvedKind> kinds, PluginDiscoverer.Result result, ClassLoader parent,
                    String context) {
        this.kinds = kinds;
        this.registry = result.registry();
        this.locations = result.locations();
        this.withoutManifest = result.withoutManifest();
        this.parent = parent;
        this.delegatingLoader = new DelegatingClassLoader(parent, registry);
        this.context = context;
    }

    /** Discovers the {@link PluginKind#STANDARD standard kinds} as the worker configuration says. */
    public static Plugins discover(WorkerConfig config) {
        List<String> pluginPath = config.getList(WorkerConfig.PLUGIN_PATH_CONFIG);
        return discover(pluginPath == null ? List.of() : pluginPath, config.pluginDiscovery(), PluginKind.STANDARD);
    }

    /**
     * Discovers plugins of {@code kinds} on {@code pluginPath} and the class path of this class's loader.
     * Kinds whose base class is not on the class path are skipped.
     *
     * @throws ConnectException with {@code hybrid_fail} when a scanned plugin has no service manifest
     */
    public static Plugins discover(List<String> pluginPath, PluginDiscovery mode, Collection<PluginKind> kinds) {
        return discover(pluginPath, mode, kinds, Plugins.class.getClassLoader());
    }

    static Plugins discover(List<String> pluginPath, PluginDiscovery mode, Collection<PluginKind> kinds,
                            ClassLoader parent) {
        Objects.requireNonNull(pluginPath, "pluginPath");
        Objects.requireNonNull(mode, "mode");
        long start = System.nanoTime();
        Map<PluginKind, ResolvedKind> resolved = resolveKinds(kinds, parent);
        PluginDiscoverer.Result result = PluginDiscoverer.discover(pluginPath, mode,
                List.copyOf(resolved.values()), parent);
        String modeName = mode.name().toLowerCase(Locale.ROOT);
        log.info("Discovered {} plugins in {} plugin.path locations and the class path in {} ms"
                        + " (plugin.discovery={})", result.registry().size(), result.locations().size(),
                (System.nanoTime() - start) / 1_000_000, modeName);
        return new Plugins(resolved, result, parent, "plugin.path=" + pluginPath + ", plugin.discovery=" + modeName);
    }

    private static Map<PluginKind, ResolvedKind> resolveKinds(Collection<PluginKind> kinds, ClassLoader parent) {
        Map<PluginKind, ResolvedKind> resolved = new LinkedHashMap<>();
        for (PluginKind kind : kinds) {
            try {
                resolved.put(kind, new ResolvedKind(kind, Class.forName(kind.baseClassName(), false, parent)));
            } catch (ClassNotFoundException | LinkageError e) {
                log.debug("Plugin kind '{}' is unavailable: its base type {} is not on the class path",
                        kind.type(), kind.baseClassName());
            }
        }
        return resolved;
    }

    /** The kinds that were discovered: those asked for whose base type is on the class path. */
    public Set<PluginKind> kinds() {
        return Set.copyOf(kinds.keySet());
    }

    /** The plugins of a kind, sorted by class name; empty for a kind that was not discovered. */
    public List<PluginDesc> plugins(PluginKind kind) {
        List<PluginDesc> descriptors = new ArrayList<>();
        for (DiscoveredPlugin plugin : registry.plugins(kind)) {
            descriptors.add(new PluginDesc(plugin.className(), kind.type(),
                    versions.versionOf(plugin.pluginClass()), plugin.location().name()));
        }
        return descriptors;
    }

    /** The plugin class of {@code kind} that {@code nameOrAlias} denotes; see {@link #pluginClass(Collection, String)}. */
    public Class<?> pluginClass(PluginKind kind, String nameOrAlias) {
        return pluginClass(List.of(kind), nameOrAlias);
    }

    /**
     * The plugin class of one of {@code kinds} that {@code nameOrAlias} denotes: its full class name, the
     * Apache Kafka Connect name of a built-in, its simple name, or its simple name without the kind's
     * usual suffix. A full class name that discovery missed but the worker's class path has (a plugin
     * without manifest there) is accepted too, with a warning.
     *
     * @throws ConnectException when the name is ambiguous (the message lists the candidates) or matches
     *         nothing (the message lists the plugins available)
     */
    public Class<?> pluginClass(Collection<PluginKind> kinds, String nameOrAlias) {
        if (nameOrAlias == null || nameOrAlias.isBlank()) {
            throw new ConnectException("A plugin name is required; give the class name of a plugin of type "
                    + labels(kinds));
        }
        String name = nameOrAlias.trim();
        List<PluginKind> available = kinds.stream().filter(this.kinds::containsKey).toList();
        return registry.find(available, name).map(DiscoveredPlugin::pluginClass)
                .or(() -> undiscoveredClassPathPlugin(available, name))
                .orElseThrow(() -> registry.unknown(kinds, name, context));
    }

    private Optional<Class<?>> undiscoveredClassPathPlugin(List<PluginKind> available, String name) {
        Class<?> candidate;
        try {
            candidate = Class.forName(ApacheAliases.toAqueduct(name), false, parent);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        for (PluginKind kind : available) {
            if (kinds.get(kind).unusableReason(candidate) == null) {
                log.warn("Plugin {} was not discovered but is on the worker's class path; using it. Add it to"
                        + " {} so that plugin.discovery finds it.", candidate.getName(), kind.serviceManifest());
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A new instance of the plugin {@code nameOrAlias} names, created with its loader as context loader. */
    public Object newPlugin(PluginKind kind, String nameOrAlias) {
        return newInstance(pluginClass(kind, nameOrAlias));
    }

    /** As {@link #newPlugin(PluginKind, String)}, checked against the type the caller expects. */
    public <T> T newPlugin(PluginKind kind, String nameOrAlias, Class<T> type) {
        return newPlugin(List.of(kind), nameOrAlias, type);
    }

    /** As {@link #newPlugin(PluginKind, String)} for a name that may denote a plugin of any of {@code kinds}. */
    public <T> T newPlugin(Collection<PluginKind> kinds, String nameOrAlias, Class<T> type) {
        Class<?> pluginClass = pluginClass(kinds, nameOrAlias);
        if (!type.isAssignableFrom(pluginClass)) {
            throw new ConnectException("Plugin " + pluginClass.getName() + " named by '" + nameOrAlias
                    + "' is not a " + type.getName());
        }
        return type.cast(newInstance(pluginClass));
    }

    /**
     * A new instance of a plugin class through its public no-arg constructor, with the class's own loader
     * as the context class loader while the constructor runs.
     *
     * @throws ConnectException when the constructor is missing or fails
     */
    @SuppressWarnings("try") // the swap only needs to be open
    public <T> T newInstance(Class<T> pluginClass) {
        try (LoaderSwap swap = withClassLoader(loaderOf(pluginClass))) {
            return pluginClass.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new ConnectException("Plugin " + pluginClass.getName() + " failed in its constructor: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConnectException("Cannot instantiate plugin " + pluginClass.getName()
                    + "; a plugin needs a public no-argument constructor: " + e, e);
        }
    }

    /**
     * Our class name for one of Apache Kafka Connect's built-in class names (converters, FileStream connectors and
     * tasks), or {@code className} itself; for class names read from stored configs, such as {@code task.class}.
     */
    public static String canonicalClassName(String className) {
        return ApacheAliases.toAqueduct(className);
    }

    /**
     * The class loader to make current while running code of the plugin class {@code className} (an
     * Apache Kafka Connect name of a built-in is accepted); the {@link #delegatingLoader()} for a class
     * that is not a discovered plugin.
     */
    public ClassLoader pluginLoader(String className) {
        DiscoveredPlugin plugin = registry.byClassName(ApacheAliases.toAqueduct(className));
        return plugin == null ? delegatingLoader : loaderOf(plugin.pluginClass());
    }

    /**
     * A loader that finds every discovered plugin by class name or unambiguous alias and everything else
     * through the worker's own loader: the context class loader for worker threads outside plugin calls.
     */
    public ClassLoader delegatingLoader() {
        return delegatingLoader;
    }

    /**
     * Makes {@code loader} the calling thread's context class loader until the returned swap is closed:
     * {@code try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(name))) { ... }}.
     */
    public LoaderSwap withClassLoader(ClassLoader loader) {
        return new LoaderSwap(Objects.requireNonNull(loader, "loader"));
    }

    private ClassLoader loaderOf(Class<?> pluginClass) {
        ClassLoader loader = pluginClass.getClassLoader();
        return loader instanceof PluginClassLoader ? loader : delegatingLoader;
    }

    /** Plugins the last scan found without a service manifest (hybrid modes only). */
    List<DiscoveredPlugin> withoutManifest() {
        return withoutManifest;
    }

    /** Closes the plugin class loaders. */
    @Override
    public void close() {
        PluginDiscoverer.closeQuietly(locations);
    }

    private static String labels(Collection<PluginKind> kinds) {
        return String.join("/", kinds.stream().map(PluginKind::type).toList());
    }
}
