package io.aqueduct.connect.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small thread-safe least-recently-used cache. A capacity of 0 caches nothing. Lookups are far more
 * frequent than misses and the critical sections are tiny, so one lock is cheaper than anything cleverer.
 */
final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    LruCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        if (capacity > 0) {
            entries.put(key, value);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
    }
}
