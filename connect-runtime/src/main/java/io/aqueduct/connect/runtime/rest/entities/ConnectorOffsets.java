package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Body of {@code GET /connectors/{c}/offsets} and of {@code PATCH /connectors/{c}/offsets} requests. */
public record ConnectorOffsets(@JsonProperty("offsets") List<ConnectorOffset> offsets) {

    /** The offsets as a partition-to-offset map (later duplicates win), the form herders work with. */
    public Map<Map<String, ?>, Map<String, ?>> toMap() {
        Map<Map<String, ?>, Map<String, ?>> map = new LinkedHashMap<>();
        for (ConnectorOffset offset : offsets) {
            map.put(offset.partition(), offset.offset());
        }
        return map;
    }
}
