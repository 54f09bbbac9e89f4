package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.Map;

/** One element of {@code GET /connectors/{c}/tasks}: a task id and the config the connector generated for it. */
@JsonPropertyOrder({"id", "config"})
public record TaskInfo(@JsonProperty("id") ConnectorTaskId id, @JsonProperty("config") Map<String, String> config) {
}
