package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.ConnectorType;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /connectors/{c}} and of the config writes: the connector config as stored (insertion order
 * kept) and the tasks known at the time of the answer.
 */
@JsonPropertyOrder({"name", "config", "tasks", "type"})
public record ConnectorInfo(
        @JsonProperty("name") String name,
        @JsonProperty("config") Map<String, String> config,
        @JsonProperty("tasks") List<ConnectorTaskId> tasks,
        @JsonProperty("type") ConnectorType type) {
}
