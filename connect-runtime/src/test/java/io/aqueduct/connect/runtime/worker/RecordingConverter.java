package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.storage.StringConverter;

import java.util.HashMap;
import java.util.Map;

/** Test converter: a {@link StringConverter} that keeps the settings it was configured with. */
public class RecordingConverter extends StringConverter {

    final Map<String, Object> configured = new HashMap<>();
    Boolean isKey;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        configured.putAll(configs);
        super.configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        configured.putAll(configs);
        super.configure(configs);
    }
}
