package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aqueduct.connect.runtime.herder.InitialState;

import java.util.Map;

/**
 * Body of {@code POST /connectors}.
 *
 * @param initialState null when the client did not ask for one (the connector then starts RUNNING)
 */
@JsonPropertyOrder({"name", "config", "initial_state"})
public record CreateConnectorRequest(
        @JsonProperty("name") String name,
        @JsonProperty("config") Map<String, String> config,
        @JsonProperty("initial_state") InitialState initialState) {
}
