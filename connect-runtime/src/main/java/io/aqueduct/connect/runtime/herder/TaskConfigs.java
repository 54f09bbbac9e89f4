package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.secrets.LogSafeConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules about generated task configs that every herder applies. Stateless. */
public final class TaskConfigs {

    /** Connector keys that only shape task generation; changing them alone does not restart a task. */
    private static final Set<String> GENERATION_ONLY_KEYS = Set.of(ConnectorConfig.TASKS_MAX_CONFIG,
            ConnectorConfig.TASKS_MAX_ENFORCE_CONFIG);

    private TaskConfigs() {
    }

    /**
     * The task configs to store, given what a connector generated from its resolved config: for each key whose
     * stored connector value holds a {@code ${provider:path:key}} placeholder, the task config gets the
     * placeholder back, so that resolved secrets are never stored or shown by {@code GET /connectors/{c}/tasks}.
     * The task is resolved again right before it starts.
     */
    public static List<Map<String, String>> withPlaceholders(Map<String, String> storedConnectorConfig,
                                                             List<Map<String, String>> generated) {
        Set<String> placeholderKeys = LogSafeConfig.providerKeys(storedConnectorConfig);
        List<Map<String, String>> result = new ArrayList<>(generated.size());
        for (Map<String, String> taskConfig : generated) {
            Map<String, String> copy = new HashMap<>(taskConfig);
            for (String key : placeholderKeys) {
                if (copy.containsKey(key)) {
                    copy.put(key, storedConnectorConfig.get(key));
                }
            }
            result.add(copy);
        }
        return result;
    }

    /**
     * The part of a connector config the framework applies to each task (converters, transformations, client
     * overrides, error handling, ...): everything but the keys that only shape task generation. A running task
     * whose own config is unchanged is still restarted when this view changed.
     */
    public static Map<String, String> frameworkView(Map<String, String> connectorConfig) {
        Map<String, String> view = new HashMap<>(connectorConfig);
        view.keySet().removeAll(GENERATION_ONLY_KEYS);
        return view;
    }
}
