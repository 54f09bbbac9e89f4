package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.NotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;

/** How both herders apply a PATCH to a connector config: a null value removes the key, any other sets it. */
public final class ConnectorConfigPatch {

    private ConnectorConfigPatch() {
    }

    /**
     * @param current the stored config of {@code connector}; null if there is none
     * @return a new config: {@code current} with {@code patch} applied, in {@code current}'s key order, new keys last
     * @throws NotFoundException if {@code current} is null
     */
    public static Map<String, String> apply(String connector, Map<String, String> current, Map<String, String> patch) {
        if (current == null) {
            throw HerderErrors.connectorNotFound(connector);
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        patch.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
