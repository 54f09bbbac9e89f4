package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.errors.ConnectException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The discovered plugins of every kind, and the names users may call them by: the full class name,
 * the simple name, and the simple name without the kind's {@link PluginKind#aliasSuffix()}. Filled once
 * at discovery and read-only afterwards, so it is safe to share between threads once published.
 */
final class PluginRegistry {

    private final Map<PluginKind, TreeMap<String, DiscoveredPlugin>> byKind = new HashMap<>();
    private final Map<PluginKind, Map<String, Set<String>>> aliasesByKind = new HashMap<>();
    private final Map<String, DiscoveredPlugin> byClassName = new HashMap<>();

    /**
     * Adds a plugin; returns false when a different class of the same name is already registered
     * for the kind (the first one found keeps the name).
     */
    boolean add(DiscoveredPlugin plugin) {
        TreeMap<String, DiscoveredPlugin> plugins = byKind.computeIfAbsent(plugin.kind(), k -> new TreeMap<>());
        DiscoveredPlugin existing = plugins.get(plugin.className());
        if (existing != null) {
            return existing.pluginClass() == plugin.pluginClass();
        }
        plugins.put(plugin.className(), plugin);
        byClassName.putIfAbsent(plugin.className(), plugin);
        Map<String, Set<String>> aliases = aliasesByKind.computeIfAbsent(plugin.kind(), k -> new HashMap<>());
        for (String alias : aliases(plugin)) {
            aliases.computeIfAbsent(alias, a -> new TreeSet<>()).add(plugin.className());
        }
        return true;
    }

    private static List<String> aliases(DiscoveredPlugin plugin) {
        String simpleName = plugin.simpleName();
        String suffix = plugin.kind().aliasSuffix();
        if (!suffix.isEmpty() && simpleName.endsWith(suffix) && simpleName.length() > suffix.length()) {
            return List.of(simpleName, simpleName.substring(0, simpleName.length() - suffix.length()));
        }
        return List.of(simpleName);
    }

    DiscoveredPlugin get(PluginKind kind, String className) {
        TreeMap<String, DiscoveredPlugin> plugins = byKind.get(kind);
        return plugins == null ? null : plugins.get(className);
    }

    /** The plugin of any kind with exactly this class name, or null. */
    DiscoveredPlugin byClassName(String className) {
        return byClassName.get(className);
    }

    /** The plugins of a kind, sorted by class name. */
    List<DiscoveredPlugin> plugins(PluginKind kind) {
        TreeMap<String, DiscoveredPlugin> plugins = byKind.get(kind);
        return plugins == null ? List.of() : List.copyOf(plugins.values());
    }

    int size() {
        return byKind.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The plugin of one of {@code kinds} that {@code name} denotes: an Apache Kafka Connect name of a
     * built-in, a full class name, or an alias.
     *
     * @return empty when nothing matches
     * @throws ConnectException when the name is an alias of several classes
     */
    Optional<DiscoveredPlugin> find(Collection<PluginKind> kinds, String name) {
        String className = ApacheAliases.toAqueduct(name);
        for (PluginKind kind : kinds) {
            DiscoveredPlugin plugin = get(kind, className);
            if (plugin != null) {
                return Optional.of(plugin);
            }
        }
        Set<String> candidates = new TreeSet<>();
        DiscoveredPlugin match = null;
        for (PluginKind kind : kinds) {
            for (String candidate : aliasesByKind.getOrDefault(kind, Map.of()).getOrDefault(name, Set.of())) {
                if (candidates.add(candidate) && match == null) {
                    match = get(kind, candidate);
                }
            }
        }
        if (candidates.size() > 1) {
            throw new ConnectException("Plugin name '" + name + "' is ambiguous: it matches several "
                    + labels(kinds) + " plugins: " + String.join(", ", candidates)
                    + ". Use the full class name of the one you mean.");
        }
        return Optional.ofNullable(match);
    }

    /** The error for a name that matches no plugin, listing what is available instead. */
    ConnectException unknown(Collection<PluginKind> kinds, String name, String context) {
        List<String> available = new ArrayList<>();
        for (PluginKind kind : kinds) {
            for (DiscoveredPlugin plugin : plugins(kind)) {
                available.add(plugin.className());
            }
        }
        String listing = available.isEmpty() ? "none" : available.stream().sorted().distinct()
                .collect(Collectors.joining(", "));
        return new ConnectException("Found no " + labels(kinds) + " plugin named '" + name + "' (" + context
                + "). Available " + labels(kinds) + " plugins: " + listing
                + ". Check the name, or install the plugin into a directory listed in plugin.path.");
    }

    /** The one plugin of any kind that {@code alias} names; empty when it names none or several. */
    Optional<DiscoveredPlugin> uniqueAlias(String alias) {
        Set<String> classes = new TreeSet<>();
        DiscoveredPlugin match = null;
        for (Map.Entry<PluginKind, Map<String, Set<String>>> entry : aliasesByKind.entrySet()) {
            for (String className : entry.getValue().getOrDefault(alias, Set.of())) {
                if (classes.add(className) && match == null) {
                    match = get(entry.getKey(), className);
                }
            }
        }
        return classes.size() == 1 ? Optional.of(match) : Optional.empty();
    }

    private static String labels(Collection<PluginKind> kinds) {
        return kinds.stream().map(PluginKind::type).collect(Collectors.joining("/"));
    }
}
