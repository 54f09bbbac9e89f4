package io.aqueduct.connect.runtime.isolation;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin location: child-first, except for what {@link ParentFirstPolicy}
 * reserves to the parent. A parent-first class that the parent does not have is still found in the
 * plugin's own jars (standard delegation), so a plugin may bundle e.g. libraries under
 * {@code org.apache.kafka.} that the worker lacks, but can never replace one the worker has.
 */
final class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String location;

    PluginClassLoader(String location, URL[] urls, ClassLoader parent) {
        super("plugin:" + location, urls, parent);
        this.location = location;
    }

    /** The {@code plugin.path} entry this loader serves, for messages. */
    String location() {
        return location;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (ParentFirstPolicy.isParentFirst(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (ParentFirstPolicy.isResourceParentFirst(name)) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (ParentFirstPolicy.isResourceParentFirst(name)) {
            addAll(urls, getParent().getResources(name));
            addAll(urls, findResources(name));
        } else {
            addAll(urls, findResources(name));
            addAll(urls, getParent().getResources(name));
        }
        return Collections.enumeration(urls);
    }

    private static void addAll(List<URL> target, Enumeration<URL> source) {
        while (source.hasMoreElements()) {
            target.add(source.nextElement());
        }
    }

    @Override
    public String toString() {
        return "PluginClassLoader{location=" + location + "}";
    }
}
