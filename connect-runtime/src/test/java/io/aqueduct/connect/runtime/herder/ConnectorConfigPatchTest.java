package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnectorConfigPatchTest {

    @Test
    void nullValuesRemoveKeysOthersSetThemAndTheStoredConfigStaysUntouched() {
        Map<String, String> current = new LinkedHashMap<>();
        current.put("a", "1");
        current.put("b", "2");
        current.put("c", "3");
        Map<String, String> patch = new HashMap<>();
        patch.put("b", null);
        patch.put("c", "30");
        patch.put("d", "4");

        Map<String, String> merged = ConnectorConfigPatch.apply("conn", current, patch);

        assertEquals(List.of("a", "c", "d"), new ArrayList<>(merged.keySet()), "current order first, new keys last");
        assertEquals(Map.of("a", "1", "c", "30", "d", "4"), merged);
        assertEquals(Map.of("a", "1", "b", "2", "c", "3"), current);
    }

    @Test
    void aConnectorWithoutConfigIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> ConnectorConfigPatch.apply("missing", null, Map.of("a", "1")));
        assertEquals("Connector missing not found", e.getMessage());
    }
}
