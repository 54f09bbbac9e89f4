package io.aqueduct.connect.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for writing {@link io.aqueduct.connect.connector.Connector#taskConfigs(int)}. Stateless and
 * thread-safe.
 */
public final class ConnectorUtils {

    private ConnectorUtils() {
    }

    /**
     * Splits a list into {@code numGroups} contiguous groups whose sizes differ by at most one, the
     * larger groups first; typically used to spread a connector's inputs over its tasks. The order of
     * the elements is kept: concatenating the groups gives back the input. When there are fewer
     * elements than groups, the trailing groups are empty.
     *
     * @param elements  the elements to split; must not be null
     * @param numGroups the number of groups; must be positive
     * @param <T>       the element type
     * @return exactly {@code numGroups} new, modifiable lists
     * @throws IllegalArgumentException if {@code numGroups} is not positive
     */
    public static <T> List<List<T>> groupPartitions(List<T> elements, int numGroups) {
        if (numGroups <= 0) {
            throw new IllegalArgumentException("numGroups must be positive, but was " + numGroups
                + "; pass the number of tasks to create (at least 1)");
        }
        int smallSize = elements.size() / numGroups;
        int largeGroups = elements.size() % numGroups;
        List<List<T>> groups = new ArrayList<>(numGroups);
        int start = 0;
        for (int group = 0; group < numGroups; group++) {
            int size = group < largeGroups ? smallSize + 1 : smallSize;
            groups.add(new ArrayList<>(elements.subList(start, start + size)));
            start += size;
        }
        return groups;
    }
}
